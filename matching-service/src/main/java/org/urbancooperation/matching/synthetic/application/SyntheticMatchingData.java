package org.urbancooperation.matching.synthetic.application;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.urbancooperation.matching.opportunity.domain.CooperationType;
import org.urbancooperation.matching.opportunity.domain.Opportunity;
import org.urbancooperation.matching.opportunity.domain.OpportunityType;
import org.urbancooperation.matching.profile.domain.BusinessKind;
import org.urbancooperation.matching.profile.domain.BusinessProfile;
import org.urbancooperation.matching.profile.domain.BusinessSize;
import org.urbancooperation.matching.shared.domain.Sector;
import org.urbancooperation.matching.shared.domain.Subsector;

/**
 * Realistic synthetic business profiles and opportunities for demos, tests and the benchmark: businesses in Essen,
 * Koriyama and other German and Japanese cities, in the controlled vocabulary's sectors, with titles, summaries and
 * keywords from phrase templates per subsector in English, German and Japanese. Deterministic: the same seed, size and
 * {@code now} give the same data. Every name says "(synthetic)", and contacts are on example.org.
 */
public final class SyntheticMatchingData {

    /** The most opportunities one call generates. */
    public static final int MAX_OPPORTUNITIES = 100_000;
    /** About this many opportunities per business. */
    static final int OPPORTUNITIES_PER_BUSINESS = 3;

    public record Business(String id, BusinessProfile.Input profile) {
    }

    public record Offering(UUID id, String businessId, Opportunity.Input input) {
    }

    public record Dataset(List<Business> businesses, List<Offering> opportunities) {
    }

    /** English, German, Japanese. */
    private record Words(String en, String de, String ja) {
    }

    private record City(String name, String country, String zone) {
    }

    private static final List<City> CITIES = List.of(
            new City("Essen", "DE", "Europe/Berlin"), new City("Essen", "DE", "Europe/Berlin"),
            new City("Duesseldorf", "DE", "Europe/Berlin"), new City("Dortmund", "DE", "Europe/Berlin"),
            new City("Bochum", "DE", "Europe/Berlin"), new City("Duisburg", "DE", "Europe/Berlin"),
            new City("Gelsenkirchen", "DE", "Europe/Berlin"), new City("Aachen", "DE", "Europe/Berlin"),
            new City("Koriyama", "JP", "Asia/Tokyo"), new City("Koriyama", "JP", "Asia/Tokyo"),
            new City("Fukushima", "JP", "Asia/Tokyo"), new City("Iwaki", "JP", "Asia/Tokyo"),
            new City("Sendai", "JP", "Asia/Tokyo"), new City("Aizuwakamatsu", "JP", "Asia/Tokyo"),
            new City("Yokohama", "JP", "Asia/Tokyo"), new City("Kitakyushu", "JP", "Asia/Tokyo"));

    /** Products per subsector; the sector without subsectors (healthcare services) under null. */
    private static final Map<Subsector, List<Words>> PRODUCTS = new LinkedHashMap<>();
    private static final List<Words> SERVICES = List.of(
            new Words("hospital logistics service", "Krankenhauslogistik", "病院物流サービス"),
            new Words("elderly care service", "Altenpflegedienst", "高齢者介護サービス"),
            new Words("medical interpreting service", "medizinischer Dolmetscherdienst", "医療通訳サービス"));

    static {
        PRODUCTS.put(Subsector.HYDROGEN, List.of(
                new Words("hydrogen electrolyser", "Wasserstoff-Elektrolyseur", "水素電解装置"),
                new Words("fuel cell system", "Brennstoffzellensystem", "燃料電池システム"),
                new Words("hydrogen storage tank", "Wasserstofftank", "水素貯蔵タンク")));
        PRODUCTS.put(Subsector.SOLAR, List.of(
                new Words("solar panel", "Solarmodul", "太陽光パネル"),
                new Words("photovoltaic inverter", "Photovoltaik-Wechselrichter", "太陽光インバーター")));
        PRODUCTS.put(Subsector.WIND, List.of(
                new Words("wind turbine blade", "Rotorblatt für Windkraftanlagen", "風力タービンブレード"),
                new Words("offshore wind foundation", "Offshore-Windfundament", "洋上風力基礎")));
        PRODUCTS.put(Subsector.BIOMASS, List.of(
                new Words("biomass boiler", "Biomassekessel", "バイオマスボイラー"),
                new Words("biogas plant", "Biogasanlage", "バイオガスプラント")));
        PRODUCTS.put(Subsector.GEOTHERMAL, List.of(
                new Words("geothermal heat pump", "Erdwärmepumpe", "地中熱ヒートポンプ"),
                new Words("geothermal drilling", "Geothermiebohrung", "地熱掘削")));
        PRODUCTS.put(Subsector.STORAGE, List.of(
                new Words("battery storage system", "Batteriespeicher", "蓄電池システム"),
                new Words("thermal energy storage", "Wärmespeicher", "蓄熱システム")));
        PRODUCTS.put(Subsector.SMART_GRID, List.of(
                new Words("smart meter", "intelligenter Stromzähler", "スマートメーター"),
                new Words("grid control software", "Netzleitsoftware", "電力系統制御ソフトウェア")));
        PRODUCTS.put(Subsector.EFFICIENCY, List.of(
                new Words("building energy management system", "Gebäudeenergiemanagement", "ビルエネルギー管理システム"),
                new Words("waste heat recovery", "Abwärmenutzung", "排熱回収")));
        PRODUCTS.put(Subsector.DIAGNOSTICS, List.of(
                new Words("rapid diagnostic test", "Schnelltest", "迅速診断キット"),
                new Words("ultrasound scanner", "Ultraschallgerät", "超音波診断装置")));
        PRODUCTS.put(Subsector.THERAPEUTIC_DEVICES, List.of(
                new Words("infusion pump", "Infusionspumpe", "輸液ポンプ"),
                new Words("laser therapy device", "Lasertherapiegerät", "レーザー治療器")));
        PRODUCTS.put(Subsector.HYGIENE_AND_DISINFECTION, List.of(
                new Words("disinfection robot", "Desinfektionsroboter", "消毒ロボット"),
                new Words("UV disinfection lamp", "UV-Desinfektionslampe", "紫外線消毒ランプ"),
                new Words("autonomous cleaning robot", "autonomer Reinigungsroboter", "自律走行清掃ロボット")));
        PRODUCTS.put(Subsector.DIGITAL_HEALTH, List.of(
                new Words("telemedicine platform", "Telemedizin-Plattform", "遠隔医療プラットフォーム"),
                new Words("patient monitoring app", "App zur Patientenüberwachung", "患者モニタリングアプリ")));
        PRODUCTS.put(Subsector.EMERGENCY_AND_INTENSIVE_CARE, List.of(
                new Words("mobile emergency room", "mobiler Notfallraum", "移動式救急室"),
                new Words("intensive care ventilator", "Intensivbeatmungsgerät", "集中治療用人工呼吸器")));
        PRODUCTS.put(Subsector.REHABILITATION, List.of(
                new Words("rehabilitation robot", "Rehabilitationsroboter", "リハビリテーションロボット"),
                new Words("walking assistance device", "Gehhilfe", "歩行支援機器")));
    }

    private static final List<Words> MARKETS = List.of(
            new Words("hospitals", "Krankenhäuser", "病院"),
            new Words("municipal utilities", "Stadtwerke", "自治体の公益事業"),
            new Words("industrial sites", "Industriestandorte", "工場"),
            new Words("care homes", "Pflegeheime", "介護施設"),
            new Words("housing companies", "Wohnungsunternehmen", "住宅会社"),
            new Words("disaster preparedness of cities", "Katastrophenschutz der Städte", "都市の防災"));

    private static final List<Words> QUALITIES = List.of(
            new Words("with low maintenance costs", "mit geringen Wartungskosten", "保守費用が低い"),
            new Words("proven in pilot projects", "in Pilotprojekten erprobt", "実証試験で実績のある"),
            new Words("certified to European and Japanese standards", "nach europäischen und japanischen Normen "
                    + "zertifiziert", "欧州と日本の規格に適合した"),
            new Words("designed for quick installation", "für schnelle Installation ausgelegt", "短期間で設置できる"));

    private static final List<Words> SUFFIXES = List.of(
            new Words("Works", "Werke", "工業"), new Words("Technologies", "Technologies", "テクノロジーズ"),
            new Words("Systems", "Systeme", "システムズ"), new Words("Solutions", "Solutions", "ソリューションズ"));

    private final long seed;

    public SyntheticMatchingData(long seed) {
        this.seed = seed;
    }

    /**
     * About one business per {@value #OPPORTUNITIES_PER_BUSINESS} opportunities, and {@code opportunities}
     * opportunities, each valid for 30 to 360 days from {@code now}.
     */
    public Dataset generate(int opportunities, Instant now) {
        if (opportunities < 0 || opportunities > MAX_OPPORTUNITIES) {
            throw new IllegalArgumentException("opportunities must be within 0 and " + MAX_OPPORTUNITIES);
        }
        Random random = new Random(seed);
        int businessCount = Math.max(1, (opportunities + OPPORTUNITIES_PER_BUSINESS - 1) / OPPORTUNITIES_PER_BUSINESS);
        List<Business> businesses = new ArrayList<>(businessCount);
        List<Subsector> focus = new ArrayList<>(businessCount);
        for (int i = 0; i < businessCount; i++) {
            Subsector subsector = random.nextInt(8) == 0 ? null : pick(random, List.copyOf(PRODUCTS.keySet()));
            focus.add(subsector);
            businesses.add(business(random, i, subsector));
        }
        List<Offering> offerings = new ArrayList<>(opportunities);
        Instant day = now.truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < opportunities; i++) {
            int b = i % businessCount;
            offerings.add(opportunity(random, businesses.get(b), focus.get(b), day));
        }
        return new Dataset(businesses, offerings);
    }

    private static Business business(Random random, int index, Subsector subsector) {
        City city = pick(random, CITIES);
        boolean japanese = city.country().equals("JP");
        Words product = pick(random, subsector == null ? SERVICES : PRODUCTS.get(subsector));
        Words suffix = pick(random, SUFFIXES);
        String id = "syn-" + city.name().toLowerCase(java.util.Locale.ROOT) + "-" + index;
        Map<String, String> names = new LinkedHashMap<>();
        names.put("en", city.name() + " " + capitalised(product.en()) + " " + suffix.en() + " (synthetic)");
        names.put(japanese ? "ja" : "de", japanese ? city.name() + product.ja() + suffix.ja() + "（合成データ）"
                : city.name() + " " + capitalised(product.de()) + " " + suffix.de() + " (synthetisch)");
        Sector sector = subsector == null ? Sector.HEALTHCARE_SERVICES : subsector.sector();
        BusinessKind kind = subsector == null ? pick(random, List.of(BusinessKind.HOSPITAL, BusinessKind.AGENCY))
                : pick(random, List.of(BusinessKind.COMPANY, BusinessKind.COMPANY, BusinessKind.START_UP,
                        BusinessKind.RESEARCH_INSTITUTE));
        Map<String, String> description = new LinkedHashMap<>();
        description.put("en", "Synthetic profile: a " + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                + " in " + city.name() + " working on " + product.en() + ".");
        description.put(japanese ? "ja" : "de", japanese ? city.name() + "で" + product.ja() + "に取り組む企業（合成データ）。"
                : "Synthetisches Profil: ein Unternehmen in " + city.name() + " rund um " + product.de() + ".");
        List<String> languages = japanese ? List.of("ja", "en") : random.nextInt(10) == 0
                ? List.of("de", "en", "ja") : List.of("de", "en");
        return new Business(id, new BusinessProfile.Input(names, kind, city.country(), city.name(), List.of(sector),
                subsector == null ? List.of() : List.of(subsector), pick(random, List.of(BusinessSize.values())),
                languages, city.zone(), description, List.of(new BusinessProfile.ContactInput("Synthetic Contact",
                        "Business development", "contact-" + index + "@example.org", (japanese ? "+81 24 " : "+49 201 ") + (100000 + index)))));
    }

    private Offering opportunity(Random random, Business business, Subsector subsector, Instant now) {
        BusinessProfile.Input p = business.profile();
        boolean japanese = p.country().equals("JP");
        OpportunityType type = pick(random, List.of(OpportunityType.values()));
        boolean offer = type == OpportunityType.BUSINESS_OFFER || type == OpportunityType.TECHNOLOGY_OFFER;
        Words product = pick(random, subsector == null ? SERVICES : PRODUCTS.get(subsector));
        Words market = pick(random, MARKETS);
        Words quality = pick(random, QUALITIES);
        List<CooperationType> cooperation = new ArrayList<>(new LinkedHashSet<>(List.of(
                pick(random, List.of(CooperationType.values())), type == OpportunityType.RND_COOPERATION_REQUEST
                        ? CooperationType.RESEARCH_AND_DEVELOPMENT : pick(random, List.of(CooperationType.values())))));
        String other = japanese ? "Germany" : "Japan";
        Map<String, String> title = new LinkedHashMap<>();
        Map<String, String> summary = new LinkedHashMap<>();
        String coop = cooperation.get(0).name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        if (offer) {
            title.put("en", capitalised(product.en()) + " for " + market.en());
            summary.put("en", "We develop and manufacture " + product.en() + " " + quality.en() + ". We offer it to "
                    + market.en() + " and look for partners in " + other + " for " + coop + ".");
        } else if (type == OpportunityType.RND_COOPERATION_REQUEST) {
            title.put("en", "Joint research on " + product.en() + " for " + market.en());
            summary.put("en", "We seek a research partner in " + other + " to develop the next " + product.en()
                    + " " + quality.en() + " together.");
        } else {
            title.put("en", capitalised(market.en()) + " seek a supplier of " + product.en());
            summary.put("en", "Our " + market.en() + " need " + product.en() + " " + quality.en()
                    + ". We look for a supplier in " + other + " for " + coop + ".");
        }
        if (japanese) {
            title.put("ja", offer ? market.ja() + "向け" + product.ja() : product.ja() + "のパートナーを募集");
            summary.put("ja", offer ? quality.ja() + product.ja() + "を開発・製造しています。" + "ドイツのパートナーを探しています。"
                    : product.ja() + "について、ドイツの企業との協力を希望しています。");
        } else {
            title.put("de", offer ? capitalised(product.de()) + " für " + market.de()
                    : market.de() + " suchen Anbieter für " + product.de());
            summary.put("de", offer ? "Wir entwickeln und fertigen " + product.de() + ", " + quality.de()
                    + ". Wir suchen Partner in Japan."
                    : "Wir suchen einen Partner in Japan für " + product.de() + ", " + quality.de() + ".");
        }
        List<String> keywords = new ArrayList<>(new LinkedHashSet<>(List.of(product.en(), japanese ? product.ja()
                : product.de(), market.en())));
        Instant validUntil = now.plus(Duration.ofDays(30 + random.nextInt(331)));
        UUID id = new UUID(random.nextLong(), random.nextLong());
        return new Offering(id, business.id(), new Opportunity.Input(type, title, summary, p.sectors(),
                p.subsectors(), keywords, cooperation, List.of(japanese ? "DE" : "JP"), validUntil));
    }

    private static String capitalised(String words) {
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
