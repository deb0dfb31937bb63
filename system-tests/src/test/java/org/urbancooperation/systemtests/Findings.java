package org.urbancooperation.systemtests;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Everything the campaign found, by class, with a readable report. Nothing stops at the first finding. */
final class Findings {

    /** The classes, in the order the report shows them. */
    static final List<String> CLASSES = List.of(
            "5xx",
            "no answer",
            "not problem+json",
            "leaks internals",
            "field not named",
            "write behind refusal",
            "accepted invalid value",
            "unexpected status",
            "event violates its contract",
            "dead letter",
            "baseline refused",
            "baseline needs schema examples",
            "did not settle");

    record Finding(String kind, String operation, String mutation, int status, String detail) {
    }

    private final List<Finding> findings = new ArrayList<>();

    synchronized void add(String kind, String operation, String mutation, int status, String detail) {
        findings.add(new Finding(kind, operation, mutation, status, detail));
    }

    /**
     * The findings not in {@code known} (lines {@code class | operation | mutation}, the mutation without its
     * correlation id), and the known lines that did not occur: both must be empty. The known list names the
     * defects an open issue still carries; a known one that is fixed must leave the list, so it only shrinks.
     */
    synchronized List<Finding> notIn(java.util.Set<String> known, java.util.Set<String> occurred) {
        List<Finding> fresh = new ArrayList<>();
        for (Finding finding : findings) {
            String key = key(finding);
            occurred.add(key);
            if (!known.contains(key)) {
                fresh.add(finding);
            }
        }
        return fresh;
    }

    static String key(Finding finding) {
        String mutation = finding.mutation().replaceAll(";\\s*hostile-\\d+$", "");
        return finding.kind() + " | " + finding.operation() + " | " + mutation;
    }

    synchronized boolean isEmpty() {
        return findings.isEmpty();
    }

    synchronized int size() {
        return findings.size();
    }

    /** The report: a summary table, then per class a count per operation and examples of different mutations. */
    synchronized String report(int examplesPerClass) {
        Map<String, List<Finding>> byKind = new LinkedHashMap<>();
        CLASSES.forEach(kind -> byKind.put(kind, new ArrayList<>()));
        findings.forEach(f -> byKind.computeIfAbsent(f.kind(), k -> new ArrayList<>()).add(f));
        byKind.values().removeIf(List::isEmpty);
        StringBuilder out = new StringBuilder();
        out.append(findings.size()).append(" findings in ").append(byKind.size()).append(" classes:\n");
        byKind.forEach((kind, list) -> out.append(String.format("  %-32s %5d%n", kind, list.size())));
        byKind.forEach((kind, list) -> {
            out.append("\n== ").append(kind).append(" (").append(list.size()).append(") ==\n");
            Map<String, Integer> perOperation = new TreeMap<>();
            list.forEach(f -> perOperation.merge(f.operation(), 1, Integer::sum));
            out.append("  by operation: ").append(perOperation).append('\n');
            // Examples of as many different mutations as possible: first one per distinct mutation "shape".
            List<Finding> examples = new ArrayList<>();
            Map<String, Boolean> shapes = new LinkedHashMap<>();
            for (Finding f : list) {
                String shape = shape(f.mutation()) + "|" + f.status();
                if (shapes.putIfAbsent(shape, true) == null && examples.size() < examplesPerClass) {
                    examples.add(f);
                }
            }
            for (Finding f : list) {
                if (examples.size() >= examplesPerClass) {
                    break;
                }
                if (!examples.contains(f)) {
                    examples.add(f);
                }
            }
            for (Finding f : examples) {
                out.append("  - ").append(f.operation()).append("  [").append(f.mutation()).append("]  -> ")
                        .append(f.status() < 0 ? "no status" : f.status()).append('\n');
                if (f.detail() != null && !f.detail().isBlank()) {
                    out.append("      ").append(f.detail().replace("\n", "\n      ")).append('\n');
                }
            }
            if (list.size() > examples.size()) {
                out.append("  ... and ").append(list.size() - examples.size()).append(" more\n");
            }
        });
        return out.toString();
    }

    /** All findings, one per line, for the report file. */
    synchronized String all() {
        StringBuilder out = new StringBuilder();
        for (String kind : CLASSES) {
            findings.stream().filter(f -> f.kind().equals(kind)).forEach(f -> out.append(line(f)));
        }
        findings.stream().filter(f -> !CLASSES.contains(f.kind())).forEach(f -> out.append(line(f)));
        return out.toString();
    }

    private static String line(Finding f) {
        return f.kind() + " | " + f.operation() + " | " + f.mutation() + " | " + f.status() + " | "
                + (f.detail() == null ? "" : f.detail().replace("\n", " / ")) + "\n";
    }

    /** The kind of mutation without the field it was applied to: "= literal NaN", "with NUL (U+0000)". */
    private static String shape(String mutation) {
        int semicolon = mutation.indexOf("; hostile-");
        String plain = semicolon < 0 ? mutation : mutation.substring(0, semicolon);
        if (plain.startsWith("query ") || plain.startsWith("path ")) {
            plain = plain.substring(plain.indexOf(' ') + 1);
        }
        int space = plain.indexOf(' ');
        return space < 0 ? plain : plain.substring(space + 1);
    }
}
