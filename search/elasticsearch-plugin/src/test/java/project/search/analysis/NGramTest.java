package project.search.analysis;

import org.junit.jupiter.api.Test;

import java.util.List;

import static project.search.analysis.Analysis.analyzerWithFilters;
import static project.search.analysis.Analysis.rejected;
import static project.search.analysis.Analysis.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NGramTest {

    @Test
    void ngramFilterDefaultsAreOneAndTwo() {
        String settings = """
            {"analysis": {"analyzer": {"test": {"tokenizer": "standard", "filter": ["lowercase", "ngram"]}}}}""";
        assertEquals(List.of("k", "ki", "i", "in", "n", "nd", "d"), tokens(settings, "test", "Kind"));
    }

    @Test
    void ngramFilterWithinMaxNgramDiff() {
        String settings = """
            {"max_ngram_diff": 12, "analysis": {
              "filter": {"grams": {"type": "ngram", "min_gram": 3, "max_gram": 15}},
              "analyzer": {"test": {"tokenizer": "standard", "filter": ["lowercase", "grams"]}}}}""";
        assertEquals(List.of("kin", "kind", "ind"), tokens(settings, "test", "kind"));
    }

    @Test
    void ngramFilterPreserveOriginal() {
        String settings = analyzerWithFilters("""
            {"grams": {"type": "ngram", "min_gram": 4, "max_gram": 5, "preserve_original": true}}""", "grams");
        assertEquals(List.of("ders", "oude", "ouder", "ouders", "uder", "uders"), tokens(settings, "test", "ouders").stream().sorted().toList());
    }

    @Test
    void ngramFilterBeyondMaxNgramDiffIsRejected() {
        String message = rejected(analyzerWithFilters("""
            {"grams": {"type": "ngram", "min_gram": 3, "max_gram": 15}}""", "grams"));
        assertTrue(message.contains("index.max_ngram_diff"), message);
    }

    @Test
    void minGramAboveMaxGramIsRejected() {
        String message = rejected(analyzerWithFilters("""
            {"grams": {"type": "edge_ngram", "min_gram": 4, "max_gram": 2}}""", "grams"));
        assertTrue(message.contains("[min_gram] of [grams] must not be greater than [max_gram]"), message);
    }

    @Test
    void edgeNgramFilter() {
        String settings = analyzerWithFilters("""
            {"prefixes": {"type": "edge_ngram", "min_gram": 1, "max_gram": 15}}""", "lowercase", "prefixes");
        assertEquals(List.of("k", "ki", "kin", "kind"), tokens(settings, "test", "Kind"));
    }

    @Test
    void edgeNgramFilterPreserveOriginalAndBackSide() {
        String keep = analyzerWithFilters("""
            {"prefixes": {"type": "edge_ngram", "max_gram": 3, "preserve_original": true}}""", "prefixes");
        assertEquals(List.of("k", "ki", "kin", "kinderen"), tokens(keep, "test", "kinderen"));
        String back = analyzerWithFilters("""
            {"suffixes": {"type": "edge_ngram", "min_gram": 2, "max_gram": 3, "side": "back"}}""", "suffixes");
        assertEquals(List.of("en", "ren"), tokens(back, "test", "kinderen"));
    }

    @Test
    void ngramTokenizerWithTokenChars() {
        String settings = """
            {"analysis": {
              "tokenizer": {"grams": {"type": "ngram", "min_gram": 2, "max_gram": 3, "token_chars": ["letter", "digit"]}},
              "analyzer": {"test": {"tokenizer": "grams", "filter": ["lowercase"]}}}}""";
        assertEquals(List.of("ki", "kin", "in", "ind", "nd", "a1"), tokens(settings, "test", "Kind a1"));
    }

    @Test
    void edgeNgramTokenizerWithTokenChars() {
        String settings = """
            {"analysis": {
              "tokenizer": {"prefixes": {"type": "edge_ngram", "min_gram": 2, "max_gram": 15, "token_chars": ["letter"], "side": "front"}},
              "analyzer": {"test": {"tokenizer": "prefixes", "filter": ["lowercase"]}}}}""";
        assertEquals(List.of("ou", "oud", "oude", "ouder", "ki", "kin", "kind"), tokens(settings, "test", "Ouder-kind"));
    }

    @Test
    void tokenizerCustomTokenChars() {
        String settings = """
            {"analysis": {
              "tokenizer": {"prefixes": {"type": "edge_ngram", "min_gram": 3, "max_gram": 10, "token_chars": ["letter", "custom"], "custom_token_chars": "-"}},
              "analyzer": {"test": {"tokenizer": "prefixes"}}}}""";
        assertEquals(List.of("oud", "oude", "ouder", "ouder-", "ouder-k", "ouder-ki", "ouder-kin", "ouder-kind"), tokens(settings, "test", "ouder-kind"));
    }

    @Test
    void unknownTokenCharsIsRejected() {
        String message = rejected("""
            {"analysis": {
              "tokenizer": {"grams": {"type": "ngram", "token_chars": ["letters"]}},
              "analyzer": {"test": {"tokenizer": "grams"}}}}""");
        assertTrue(message.contains("Unknown token type [letters]"), message);
    }

    @Test
    void ngramTokenizerBeyondMaxNgramDiffIsRejected() {
        String message = rejected("""
            {"analysis": {
              "tokenizer": {"grams": {"type": "ngram", "min_gram": 3, "max_gram": 15}},
              "analyzer": {"test": {"tokenizer": "grams"}}}}""");
        assertTrue(message.contains("index.max_ngram_diff"), message);
    }

    @Test
    void shingleFromTheServerStillWorks() {
        String settings = analyzerWithFilters("""
            {"pairs": {"type": "shingle", "max_shingle_size": 2, "output_unigrams": false}}""", "lowercase", "pairs");
        assertEquals(List.of("ouders en", "en kind"), tokens(settings, "test", "Ouders en kind"));
    }

    @Test
    void wordDelimiterGraph() {
        String settings = """
            {"analysis": {
              "filter": {"split": {"type": "word_delimiter_graph", "preserve_original": true}},
              "analyzer": {"test": {"tokenizer": "whitespace", "filter": ["split"]}}}}""";
        List<String> tokens = tokens(settings, "test", "Wi-Fi");
        assertTrue(tokens.containsAll(List.of("Wi-Fi", "Wi", "Fi")), tokens.toString());
    }

    @Test
    void wordDelimiterGraphTypeTable() {
        String settings = """
            {"analysis": {
              "filter": {"split": {"type": "word_delimiter_graph", "type_table": ["- => ALPHA"]}},
              "analyzer": {"test": {"tokenizer": "whitespace", "filter": ["split"]}}}}""";
        assertEquals(List.of("ouder-kind", "SD", "500"), tokens(settings, "test", "ouder-kind SD500"));
        String message = rejected("""
            {"analysis": {
              "filter": {"split": {"type": "word_delimiter_graph", "type_table": ["- => LETTER"]}},
              "analyzer": {"test": {"tokenizer": "whitespace", "filter": ["split"]}}}}""");
        assertTrue(message.contains("type must be one of"), message);
    }

    @Test
    void wagtailModelsearchDefaultSettingsBuild() {
        // The index settings of Wagtail's modelsearch Elasticsearch backend (modelsearch 1.3).
        String settings = """
            {"analysis": {
                "analyzer": {
                  "ngram_analyzer": {"type": "custom", "tokenizer": "standard", "filter": ["asciifolding", "lowercase", "ngram"]},
                  "edgengram_analyzer": {"type": "custom", "tokenizer": "standard", "filter": ["asciifolding", "lowercase", "edgengram"]}
                },
                "tokenizer": {
                  "ngram_tokenizer": {"type": "ngram", "min_gram": 3, "max_gram": 15},
                  "edgengram_tokenizer": {"type": "edge_ngram", "min_gram": 2, "max_gram": 15, "side": "front"}
                },
                "filter": {
                  "ngram": {"type": "ngram", "min_gram": 3, "max_gram": 15},
                  "edgengram": {"type": "edge_ngram", "min_gram": 1, "max_gram": 15}
                }
              },
              "index": {"max_ngram_diff": 12}}""";
        var analyzers = Analysis.build(settings);
        assertEquals(List.of("c", "ca", "caf", "cafe"), Analysis.tokens(analyzers.get("edgengram_analyzer"), "Café"));
        assertEquals(List.of("caf", "cafe", "afe"), Analysis.tokens(analyzers.get("ngram_analyzer"), "Café"));
    }
}
