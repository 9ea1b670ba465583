package project.search.analysis;

import org.junit.jupiter.api.Test;

import java.util.List;

import static project.search.analysis.Analysis.analyzerWithFilters;
import static project.search.analysis.Analysis.rejected;
import static project.search.analysis.Analysis.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EdgeNGramTest {

    @Test
    void edgeNgramFilterDefaultsAreOneAndTwo() {
        String settings = """
            {"analysis": {"analyzer": {"test": {"tokenizer": "standard", "filter": ["lowercase", "edge_ngram"]}}}}""";
        assertEquals(List.of("k", "ki"), tokens(settings, "test", "Kind"));
    }

    @Test
    void edgeNgramFilter() {
        String settings = analyzerWithFilters("""
            {"prefixes": {"type": "edge_ngram", "min_gram": 1, "max_gram": 15}}""", "lowercase", "prefixes");
        assertEquals(List.of("k", "ki", "kin", "kind"), tokens(settings, "test", "Kind"));
    }

    @Test
    void edgeNgramFilterAsTheProjectUsesIt() {
        // search/analysis/elasticsearch.py: 2 to 15 letters, and longer words stay findable whole.
        String settings = analyzerWithFilters("""
            {"prefixes": {"type": "edge_ngram", "min_gram": 2, "max_gram": 15, "preserve_original": true}}""", "lowercase", "prefixes");
        List<String> tokens = tokens(settings, "test", "Vechtscheidingsproblematiek");
        assertEquals("ve", tokens.get(0));
        assertEquals("vechtscheidings", tokens.get(13));
        assertEquals("vechtscheidingsproblematiek", tokens.get(14));
        assertEquals(15, tokens.size());
    }

    @Test
    void edgeNgramFilterIsNotLimitedByMaxNgramDiff() {
        String settings = analyzerWithFilters("""
            {"prefixes": {"type": "edge_ngram", "min_gram": 1, "max_gram": 20}}""", "prefixes");
        assertEquals(4, tokens(settings, "test", "kind").size());
    }

    @Test
    void minGramAboveMaxGramIsRejected() {
        String message = rejected(analyzerWithFilters("""
            {"grams": {"type": "edge_ngram", "min_gram": 4, "max_gram": 2}}""", "grams"));
        assertTrue(message.contains("[min_gram] of [grams] must not be greater than [max_gram]"), message);
    }

    @Test
    void backSideIsRejectedRatherThanIgnored() {
        String message = rejected(analyzerWithFilters("""
            {"suffixes": {"type": "edge_ngram", "min_gram": 2, "max_gram": 3, "side": "back"}}""", "suffixes"));
        assertTrue(message.contains("[side]"), message);
    }
}
