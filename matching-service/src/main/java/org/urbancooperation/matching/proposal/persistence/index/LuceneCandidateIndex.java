package org.urbancooperation.matching.proposal.persistence.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.urbancooperation.matching.opportunity.domain.Opportunity;
import org.urbancooperation.matching.opportunity.domain.OpportunityType;
import org.urbancooperation.matching.proposal.application.Candidate;
import org.urbancooperation.matching.proposal.application.CandidateIndex;
import org.urbancooperation.matching.proposal.domain.MatchableOpportunity;
import org.urbancooperation.matching.proposal.domain.TextSimilarity;
import org.urbancooperation.matching.shared.domain.Sector;
import org.urbancooperation.matching.shared.domain.Subsector;

/**
 * The published opportunities in an in-memory Lucene index ({@link ByteBuffersDirectory}): one text field per
 * language, each with its language's analyser (English and German stemming, Japanese by Kuromoji's morphological
 * tokeniser, any other language by the standard tokeniser), scored by Lucene's default BM25. Candidates are found by
 * a query of the asking opportunity's own words in each of its languages, filtered to the complementary types and
 * other businesses, with a constant lift for shared subsectors and sectors (so that a fitting partner who words
 * things differently is still found); the text similarity reported is the BM25 score of the words alone, and the
 * matched terms come from Lucene's {@link Matches} of that query on each candidate.
 * <p>
 * Beside the index, a map from id to the scoring facts and version of each opportunity: the version makes every change
 * idempotent and order-proof, and a removal leaves a tombstone so that an older publication arriving later does not
 * bring a withdrawn opportunity back.
 */
public final class LuceneCandidateIndex implements CandidateIndex, AutoCloseable {

    static final String ID = "id";
    static final String BUSINESS = "business";
    static final String TYPE = "type";
    static final String SECTOR = "sector";
    static final String SUBSECTOR = "subsector";
    static final String TEXT_PREFIX = "text_";
    /** The languages with an analyser of their own; any other goes to {@code text_other}. */
    static final Map<String, java.util.function.Supplier<Analyzer>> LANGUAGE_ANALYZERS = Map.of(
            "en", EnglishAnalyzer::new,
            "de", GermanAnalyzer::new,
            "ja", JapaneseAnalyzer::new);
    static final String OTHER_LANGUAGES = "other";

    /** BM25 score at which the text similarity is one half: it approaches 1 as the score grows. */
    static final float HALF_RELEVANCE_SCORE = 10f;
    private static final float SUBSECTOR_LIFT = 4f;
    private static final float SECTOR_LIFT = 1f;
    /** At most this many distinct words of the asking opportunity per language make the query. */
    private static final int MAX_QUERY_TERMS_PER_FIELD = 150;
    private static final int MAX_MATCHED_TERMS = 10;
    /** A word in more than this share of the opportunities (and in more than the minimum) is left out of queries. */
    static final double COMMON_WORD_SHARE = 0.2;
    static final int COMMON_WORD_MIN_DOCS = 1000;

    private record Held(MatchableOpportunity opportunity, long version) {
        boolean published() {
            return opportunity != null;
        }
    }

    private final Analyzer analyzer;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Map<UUID, Held> held = new ConcurrentHashMap<>();
    private final AtomicInteger published = new AtomicInteger();
    private final AtomicBoolean changed = new AtomicBoolean();

    public LuceneCandidateIndex() {
        Map<String, Analyzer> perField = new java.util.HashMap<>();
        LANGUAGE_ANALYZERS.forEach((language, a) -> perField.put(TEXT_PREFIX + language, a.get()));
        this.analyzer = new PerFieldAnalyzerWrapper(new StandardAnalyzer(), perField);
        try {
            this.writer = new IndexWriter(new ByteBuffersDirectory(), new IndexWriterConfig(analyzer)
                    .setRAMBufferSizeMB(64));
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean apply(Opportunity opportunity, long version) {
        if (!opportunity.isPublished()) {
            return remove(opportunity.id(), version);
        }
        return change(opportunity.id(), version, MatchableOpportunity.of(opportunity), document(opportunity));
    }

    @Override
    public boolean remove(UUID id, long version) {
        return change(id, version, null, null);
    }

    private boolean change(UUID id, long version, MatchableOpportunity facts, Document document) {
        boolean[] applied = {false};
        held.compute(id, (key, current) -> {
            if (current != null && current.version() >= version) {
                return current;
            }
            try {
                if (document == null) {
                    writer.deleteDocuments(new Term(ID, id.toString()));
                } else {
                    writer.updateDocument(new Term(ID, id.toString()), document);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            int delta = (facts != null ? 1 : 0) - (current != null && current.published() ? 1 : 0);
            published.addAndGet(delta);
            applied[0] = true;
            return new Held(facts, version);
        });
        if (applied[0]) {
            changed.set(true);
        }
        return applied[0];
    }

    @Override
    public int size() {
        return published.get();
    }

    @Override
    public List<Candidate> candidatesFor(Opportunity own, int max) {
        try {
            if (changed.getAndSet(false)) {
                searchers.maybeRefreshBlocking();
            }
            IndexSearcher searcher = searchers.acquire();
            try {
                return search(searcher, own, max);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Candidate> search(IndexSearcher searcher, Opportunity own, int max) throws IOException {
        Map<String, Map<String, String>> words = informative(searcher, queryWords(own));
        Query textQuery = textQuery(words);

        BooleanQuery.Builder types = new BooleanQuery.Builder();
        Arrays.stream(OpportunityType.values()).filter(own.type()::complements)
                .forEach(t -> types.add(new TermQuery(new Term(TYPE, t.name())), Occur.SHOULD));
        BooleanQuery.Builder query = new BooleanQuery.Builder()
                .add(types.build(), Occur.FILTER)
                .add(new TermQuery(new Term(BUSINESS, own.businessId())), Occur.MUST_NOT)
                .add(textQuery, Occur.SHOULD)
                .add(lift(SUBSECTOR, own.subsectors().stream().map(Subsector::name).toList(), SUBSECTOR_LIFT),
                        Occur.SHOULD)
                .add(lift(SECTOR, own.sectors().stream().map(Sector::name).toList(), SECTOR_LIFT), Occur.SHOULD)
                .setMinimumNumberShouldMatch(1);
        TopDocs top = searcher.search(query.build(), max);

        Weight textWeight = searcher.createWeight(searcher.rewrite(textQuery), ScoreMode.COMPLETE, 1f);
        // The words' own score, per leaf in doc order, one scorer each: one pass, whatever the number of candidates.
        ScoreDoc[] byDoc = top.scoreDocs.clone();
        Arrays.sort(byDoc, java.util.Comparator.comparingInt(d -> d.doc));
        Map<Integer, Float> textScores = new java.util.HashMap<>();
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = null;
        org.apache.lucene.search.DocIdSetIterator docs = null;
        Scorer scorer = null;
        for (ScoreDoc hit : byDoc) {
            LeafReaderContext at = leaves.get(ReaderUtil.subIndex(hit.doc, leaves));
            if (at != leaf) {
                leaf = at;
                scorer = textWeight.scorer(leaf);
                docs = scorer == null ? null : scorer.iterator();
            }
            int target = hit.doc - leaf.docBase;
            if (docs != null && docs.docID() <= target && (docs.docID() == target || docs.advance(target) == target)) {
                textScores.put(hit.doc, scorer.score());
            }
        }
        var storedFields = searcher.storedFields();
        List<Candidate> candidates = new ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc hit : top.scoreDocs) {
            Held h = held.get(UUID.fromString(storedFields.document(hit.doc).get(ID)));
            if (h == null || !h.published()) {
                continue; // removed since the reader was opened
            }
            float score = textScores.getOrDefault(hit.doc, 0f);
            candidates.add(new Candidate(h.opportunity(), score == 0 ? TextSimilarity.NONE
                    : new TextSimilarity(score / (score + HALF_RELEVANCE_SCORE), List.of())));
        }
        return candidates;
    }

    @Override
    public Map<UUID, List<String>> matchedTerms(Opportunity own, java.util.Collection<UUID> candidates) {
        if (candidates.isEmpty()) {
            return Map.of();
        }
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                Map<String, Map<String, String>> words = informative(searcher, queryWords(own));
                Weight textWeight = searcher.createWeight(searcher.rewrite(textQuery(words)), ScoreMode.COMPLETE, 1f);
                List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
                Map<UUID, List<String>> found = new java.util.HashMap<>();
                for (UUID id : candidates) {
                    TopDocs doc = searcher.search(new TermQuery(new Term(ID, id.toString())), 1);
                    if (doc.scoreDocs.length == 0) {
                        continue;
                    }
                    int docId = doc.scoreDocs[0].doc;
                    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docId, leaves));
                    found.put(id, matched(textWeight, leaf, docId - leaf.docBase, words));
                }
                return found;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Query textQuery(Map<String, Map<String, String>> words) {
        BooleanQuery.Builder text = new BooleanQuery.Builder();
        words.forEach((field, terms) -> terms.keySet().forEach(t -> text.add(new TermQuery(new Term(field, t)),
                Occur.SHOULD)));
        return text.build();
    }

    private static Query lift(String field, List<String> values, float boost) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        values.forEach(v -> any.add(new TermQuery(new Term(field, v)), Occur.SHOULD));
        return new BoostQuery(new ConstantScoreQuery(any.build()), boost);
    }

    private static List<String> matched(Weight textWeight, LeafReaderContext leaf, int doc,
            Map<String, Map<String, String>> words) throws IOException {
        Set<Term> hit = new java.util.HashSet<>();
        Matches matches = textWeight.matches(leaf, doc);
        if (matches != null) {
            for (String field : matches) {
                MatchesIterator it = matches.getMatches(field);
                while (it != null && it.next()) {
                    if (it.getQuery() instanceof TermQuery term) {
                        hit.add(term.getTerm());
                    }
                }
            }
        }
        // In the order the asking opportunity wrote them, as it wrote them.
        Set<String> matched = new LinkedHashSet<>();
        words.forEach((field, terms) -> terms.forEach((term, surface) -> {
            if (hit.contains(new Term(field, term))) {
                matched.add(surface);
            }
        }));
        return matched.stream().limit(MAX_MATCHED_TERMS).toList();
    }

    /**
     * The words without those most opportunities use ("partner", "seek"): BM25 gives them next to nothing, and
     * matching them costs a walk over most of the index (the idea of Lucene's CommonTermsQuery, here dropped from the
     * query). Only in a large index: in a small one every word is in a large share of it.
     */
    private static Map<String, Map<String, String>> informative(IndexSearcher searcher,
            Map<String, Map<String, String>> words) throws IOException {
        var reader = searcher.getIndexReader();
        int tooCommon = Math.max(COMMON_WORD_MIN_DOCS, (int) (reader.numDocs() * COMMON_WORD_SHARE));
        Map<String, Map<String, String>> kept = new LinkedHashMap<>();
        for (var field : words.entrySet()) {
            Map<String, String> terms = new LinkedHashMap<>();
            for (var term : field.getValue().entrySet()) {
                if (reader.docFreq(new Term(field.getKey(), term.getKey())) <= tooCommon) {
                    terms.put(term.getKey(), term.getValue());
                }
            }
            kept.put(field.getKey(), terms);
        }
        return kept;
    }

    /** Per text field: the analysed terms of the asking opportunity, each with the word it came from. */
    private Map<String, Map<String, String>> queryWords(Opportunity own) {
        Map<String, Map<String, String>> words = new LinkedHashMap<>();
        texts(own).forEach((field, text) -> {
            Map<String, String> terms = new LinkedHashMap<>();
            try (TokenStream tokens = analyzer.tokenStream(field, text)) {
                CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
                OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
                tokens.reset();
                while (tokens.incrementToken() && terms.size() < MAX_QUERY_TERMS_PER_FIELD) {
                    terms.putIfAbsent(term.toString(), text.substring(offset.startOffset(), offset.endOffset())
                            .toLowerCase(Locale.ROOT));
                }
                tokens.end();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            words.put(field, terms);
        });
        return words;
    }

    private static Document document(Opportunity o) {
        Document d = new Document();
        d.add(new StringField(ID, o.id().toString(), Field.Store.YES));
        d.add(new StringField(BUSINESS, o.businessId(), Field.Store.NO));
        d.add(new StringField(TYPE, o.type().name(), Field.Store.NO));
        o.sectors().forEach(s -> d.add(new StringField(SECTOR, s.name(), Field.Store.NO)));
        o.subsectors().forEach(s -> d.add(new StringField(SUBSECTOR, s.name(), Field.Store.NO)));
        texts(o).forEach((field, text) -> d.add(new TextField(field, text, Field.Store.NO)));
        return d;
    }

    /**
     * Per text field: title and summary in that field's language, and the keywords (which have no language) in every
     * language the opportunity is written in, so that each language's analyser sees them.
     */
    static Map<String, String> texts(Opportunity o) {
        Map<String, StringBuilder> byField = new LinkedHashMap<>();
        Map<String, String> title = o.title().values();
        Map<String, String> summary = o.summary().values();
        Set<String> tags = new LinkedHashSet<>(title.keySet());
        tags.addAll(summary.keySet());
        for (String tag : tags) {
            StringBuilder text = byField.computeIfAbsent(fieldOf(tag), f -> new StringBuilder());
            text.append(title.getOrDefault(tag, "")).append('\n').append(summary.getOrDefault(tag, "")).append('\n');
        }
        byField.values().forEach(text -> o.keywords().forEach(k -> text.append(k).append('\n')));
        Map<String, String> texts = new LinkedHashMap<>();
        byField.forEach((field, text) -> texts.put(field, text.toString()));
        return texts;
    }

    static String fieldOf(String languageTag) {
        String language = Locale.forLanguageTag(languageTag).getLanguage();
        return TEXT_PREFIX + (LANGUAGE_ANALYZERS.containsKey(language) ? language : OTHER_LANGUAGES);
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        analyzer.close();
    }
}
