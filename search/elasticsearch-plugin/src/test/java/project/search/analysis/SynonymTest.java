package project.search.analysis;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static project.search.analysis.Analysis.analyzerWithFilters;
import static project.search.analysis.Analysis.rejected;
import static project.search.analysis.Analysis.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SynonymTest {

    @Test
    void synonymGraphExpandsEquivalentWords() {
        String settings = analyzerWithFilters("""
            {"syn": {"type": "synonym_graph", "synonyms": ["vechtscheiding, conflictscheiding"]}}""", "lowercase", "syn");
        assertEquals(List.of("conflictscheiding", "vechtscheiding", "in", "de", "gemeente"), tokens(settings, "test", "Vechtscheiding in de gemeente"));
    }

    @Test
    void multiWordSynonymGraph() {
        String settings = analyzerWithFilters("""
            {"syn": {"type": "synonym_graph", "synonyms": ["vechtscheiding, complexe scheiding"]}}""", "lowercase", "syn");
        List<String> tokens = tokens(settings, "test", "vechtscheiding");
        assertTrue(tokens.containsAll(List.of("vechtscheiding", "complexe", "scheiding")), tokens.toString());
    }

    @Test
    void explicitMapping() {
        String settings = analyzerWithFilters("""
            {"syn": {"type": "synonym_graph", "synonyms": ["omgangsregeling, zorgregeling => omgang"]}}""", "lowercase", "syn");
        assertEquals(List.of("omgang"), tokens(settings, "test", "Zorgregeling"));
    }

    @Test
    void expandFalseMapsToTheFirstWord() {
        String settings = analyzerWithFilters("""
            {"syn": {"type": "synonym_graph", "expand": false, "synonyms": ["ouder, verzorger, voogd"]}}""", "lowercase", "syn");
        assertEquals(List.of("ouder"), tokens(settings, "test", "voogd"));
    }

    @Test
    void rulesAreAnalysedWithTheFiltersBeforeTheSynonymFilter() {
        // Rules written with capitals and accents match the lowercased, folded and stemmed text.
        String settings = analyzerWithFilters("""
            {"nl_stem": {"type": "stemmer", "language": "dutch"},
             "syn": {"type": "synonym_graph", "synonyms": ["Scheidingen, Echtscheidingen"]}}""", "lowercase", "asciifolding", "nl_stem", "syn");
        List<String> tokens = tokens(settings, "test", "scheiding");
        assertEquals(List.of("echtscheid", "scheiding"), tokens.stream().sorted().toList());
    }

    @Test
    void rulesAreAnalysedWithTheCharFiltersAndTokenizer() {
        String settings = """
            {"analysis": {
              "filter": {"syn": {"type": "synonym_graph", "synonyms": ["ouder-kind, gezin"]}},
              "analyzer": {"test": {"tokenizer": "standard", "char_filter": ["html_strip"], "filter": ["lowercase", "syn"]}}}}""";
        assertEquals(List.of("gezin", "ouder", "kind"), tokens(settings, "test", "<b>Ouder-kind</b>"));
    }

    @Test
    void ruleRemovedByStopFilterFailsUnlessLenient() {
        String strict = analyzerWithFilters("""
            {"nl_stop": {"type": "stop", "stopwords": "_dutch_"},
             "syn": {"type": "synonym_graph", "synonyms": ["de, het => lidwoord", "kind, kinderen"]}}""", "lowercase", "nl_stop", "syn");
        String message = rejected(strict);
        assertTrue(message.contains("failed to build synonyms"), message);
        assertTrue(message.contains("de was completely eliminated by analyzer"), message);

        String lenient = analyzerWithFilters("""
            {"nl_stop": {"type": "stop", "stopwords": "_dutch_"},
             "syn": {"type": "synonym_graph", "lenient": true, "synonyms": ["de, het => lidwoord", "kind, kinderen"]}}""", "lowercase", "nl_stop", "syn");
        assertEquals(List.of("kinderen", "kind"), tokens(lenient, "test", "kind"));
    }

    @Test
    void unparsableRuleIsRejected() {
        String message = rejected(analyzerWithFilters("""
            {"syn": {"type": "synonym_graph", "synonyms": ["a => b => c"]}}""", "syn"));
        assertTrue(message.contains("more than one explicit mapping"), message);
    }

    @Test
    void synonymsAreRequired() {
        String message = rejected(analyzerWithFilters("{\"syn\": {\"type\": \"synonym_graph\"}}", "syn"));
        assertTrue(message.contains("requires either `synonyms`, `synonyms_set` or `synonyms_path`"), message);
    }

    @Test
    void synonymsSetIsNotSupported() {
        String message = rejected(analyzerWithFilters("{\"syn\": {\"type\": \"synonym_graph\", \"synonyms_set\": \"x\"}}", "syn"));
        assertTrue(message.contains("[synonyms_set]"), message);
    }

    @Test
    void onlyTheSolrFormatIsAccepted() {
        String solr = analyzerWithFilters("""
            {"syn": {"type": "synonym_graph", "format": "solr", "synonyms": ["ouder, verzorger"]}}""", "syn");
        assertEquals(List.of("ouder", "verzorger"), tokens(solr, "test", "ouder").stream().sorted().toList());
        String message = rejected(analyzerWithFilters("""
            {"syn": {"type": "synonym_graph", "format": "wordnet", "synonyms": ["s(100000001,1,'ouder',n,1,0)."]}}""", "syn"));
        assertTrue(message.contains("[format]") && message.contains("[wordnet]"), message);
    }

    @Test
    void synonymsFromConfigDirectory() throws Exception {
        Path config = Analysis.newConfigDir();
        Files.writeString(config.resolve("synoniemen.txt"), "# comment\nvechtscheiding, conflictscheiding\n");
        String settings = analyzerWithFilters("""
            {"syn": {"type": "synonym_graph", "synonyms_path": "synoniemen.txt"}}""", "lowercase", "syn");
        assertEquals(List.of("conflictscheiding", "vechtscheiding"), Analysis.tokens(Analysis.build(settings, config).get("test"), "vechtscheiding"));
    }

    @Test
    void edgeNgramBeforeSynonymsIsRejected() {
        String message = rejected(analyzerWithFilters("""
            {"grams": {"type": "edge_ngram"}, "syn": {"type": "synonym_graph", "synonyms": ["a, b"]}}""", "grams", "syn"));
        assertTrue(message.contains("cannot be used to parse synonyms"), message);
    }
}
