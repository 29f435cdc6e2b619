package wirewatch.classify.benchmark;

import java.util.List;

/**
 * Words from which the generated rules and stories are built, so that rules sometimes match: actors as they
 * appear in reporting (and as rule contexts), what they do, and to what. Verbs are chosen so a regular gerund
 * ("easing", "extending") is spelled correctly, which keeps the regex baseline honest.
 */
final class NewsVocabulary {

    static final List<String> ACTORS = List.of(
            "Russia", "Moscow", "Kremlin", "Putin", "Ukraine", "Kyiv", "Zelensky", "Washington", "Brussels",
            "NATO", "Beijing", "China", "Ankara", "Turkey", "India", "Delhi", "Tehran", "Iran", "Israel", "Gaza",
            "Berlin", "Paris", "London", "Warsaw", "Budapest", "Tbilisi", "Chisinau", "Minsk", "Riyadh", "Doha",
            "Cairo", "Khartoum", "Caracas", "Pyongyang", "Seoul", "Tokyo", "Taipei", "Manila", "Jakarta", "Abuja");

    static final List<String> VERBS = List.of(
            "lift", "ease", "extend", "impose", "suspend", "tighten", "review", "renew", "freeze", "unfreeze",
            "return", "seize", "transfer", "recognise", "cede", "withdraw", "guarantee", "deploy", "sign",
            "negotiate", "reject", "propose", "demand", "halt", "resume", "expand", "raise", "block", "approve",
            "restore", "monitor", "secure", "protect", "restrict", "end", "broker", "violate", "delay", "accept",
            "waive", "relax", "reinstate", "finance", "insure", "inspect", "release", "revoke", "confirm",
            "question", "announce");

    static final List<String> MODIFIERS = List.of(
            "energy", "grain", "oil", "gas", "financial", "military", "banking", "nuclear", "maritime", "border",
            "trade", "export", "import", "humanitarian", "security", "territorial", "diplomatic", "frozen",
            "sovereign", "naval", "air", "fertiliser", "steel", "aluminium", "shipping", "insurance", "technology",
            "chip", "wheat", "coal", "power", "rail", "port", "pipeline", "currency", "bond", "airline", "fishing",
            "mining", "telecom");

    static final List<String> OBJECTS = List.of(
            "sanctions", "assets", "ceasefire", "truce", "talks", "guarantees", "troops", "aid", "loans", "tariffs",
            "exports", "reserves", "corridor", "shipments", "strikes", "exchanges", "inspections", "negotiations",
            "peacekeepers", "membership", "neutrality", "referendum", "elections", "borders", "pipeline", "reactor",
            "airspace", "convoys", "prisoners", "observers", "quotas", "licences", "payments", "deliveries",
            "contracts", "subsidies", "waivers", "controls", "embargo", "blockade", "patrols", "flights", "visas",
            "accounts", "bonds", "deposits", "mines", "drones", "missiles", "refineries", "terminals", "depots",
            "settlements", "pledges", "commitments", "frameworks", "proposals", "memoranda", "protocols", "accords");

    /** Sentences with no rule vocabulary in them, as news bodies are mostly made of. */
    static final List<String> FILLER = List.of(
            "Officials declined to give further details, citing the sensitivity of the discussions.",
            "The statement was published late on Tuesday after a meeting that lasted more than four hours.",
            "Markets were little changed, with the benchmark index up 0.3% by midday.",
            "A spokesperson said more information would be released in the coming days.",
            "Analysts cautioned that similar announcements in the past had not been followed by action.",
            "The meeting took place behind closed doors and no joint communique was issued.",
            "Local media reported heavy traffic around the venue as delegations arrived.",
            "Opposition lawmakers criticised the timing, saying parliament had not been consulted.",
            "Temperatures are expected to fall sharply across the region later this week.",
            "The ministry did not respond to a request for comment sent outside business hours.",
            "Several diplomats, speaking on condition of anonymity, described the mood as cautious.",
            "The figures were compiled from customs data and company filings.",
            "He spoke to reporters on the sidelines of a regional forum.",
            "The agency said it would publish a fuller assessment next month.",
            "Shares in the country's largest lender fell 2% in early trading.");

    static final List<String> REPORTING = List.of(
            "said it was ready to", "signalled it could", "refused to", "agreed to", "is pressing allies to",
            "has offered to", "insists it will not", "is expected to", "threatened to", "moved to",
            "announced plans to", "wants partners to");

    /**
     * Named things a rule can be about (companies, ports, banks, places): 8,000 made-up names from three
     * syllables ("Kalomir", "Vendraru"). Real rule sets grow their vocabulary with their size, each rule
     * naming something specific; rules built only from the words above would, at 100,000 rules, spell out
     * nearly every verb-modifier-object combination there is and match most of every story.
     */
    static final List<String> ENTITIES = entities();

    private NewsVocabulary() {
    }

    private static List<String> entities() {
        var syllables = List.of("ka", "lo", "mir", "van", "dor", "sel", "ta", "ri", "no", "vel", "gra", "zen", "bo",
                "lu", "pen", "dra", "sto", "mek", "fi", "ran");
        var names = new java.util.ArrayList<String>();
        for (String first : syllables) {
            for (String second : syllables) {
                for (String third : syllables) {
                    names.add(Character.toUpperCase(first.charAt(0)) + first.substring(1) + second + third);
                }
            }
        }
        return List.copyOf(names);
    }

    /** "easing", "extending": the verbs above all take a regular -ing. */
    static String gerund(String verb) {
        return verb.endsWith("e") && !verb.endsWith("ee") ? verb.substring(0, verb.length() - 1) + "ing" : verb + "ing";
    }
}
