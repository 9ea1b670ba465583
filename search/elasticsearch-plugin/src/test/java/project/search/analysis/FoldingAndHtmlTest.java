package project.search.analysis;

import org.junit.jupiter.api.Test;

import java.util.List;

import static project.search.analysis.Analysis.analyzerWithFilters;
import static project.search.analysis.Analysis.rejected;
import static project.search.analysis.Analysis.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FoldingAndHtmlTest {

    @Test
    void asciifoldingByName() {
        String settings = """
            {"analysis": {"analyzer": {"test": {"tokenizer": "standard", "filter": ["lowercase", "asciifolding"]}}}}""";
        assertEquals(List.of("een", "cafe", "coordinatie"), tokens(settings, "test", "één café coördinatie"));
    }

    @Test
    void asciifoldingPreserveOriginal() {
        String settings = analyzerWithFilters("""
            {"fold": {"type": "asciifolding", "preserve_original": true}}""", "lowercase", "fold");
        assertEquals(List.of("een", "één", "cafe", "café"), tokens(settings, "test", "één café"));
    }

    @Test
    void asciifoldingRejectsNonBoolean() {
        String message = rejected(analyzerWithFilters("""
            {"fold": {"type": "asciifolding", "preserve_original": "ja"}}""", "fold"));
        assertTrue(message.contains("[preserve_original]"), message);
    }

    @Test
    void asciifoldingWorksInANormalizer() {
        String settings = """
            {"analysis": {"normalizer": {"folded": {"type": "custom", "filter": ["lowercase", "asciifolding"]}}}}""";
        var analyzers = Analysis.build(settings);
        assertEquals(List.of("een cafe"), Analysis.tokens(analyzers.getNormalizer("folded"), "Één Café"));
    }

    @Test
    void htmlStripRemovesTagsAndDecodesEntities() {
        String settings = """
            {"analysis": {"analyzer": {"test": {"tokenizer": "standard", "char_filter": ["html_strip"], "filter": ["lowercase"]}}}}""";
        assertEquals(List.of("a", "b"), tokens(settings, "test", "<p>a &amp; b</p>"));
        assertEquals(List.of("ouders", "kinderen"), tokens(settings, "test", "<p>Ouders &amp; <b>kinderen</b></p>"));
    }

    @Test
    void htmlStripKeepsEscapedTags() {
        String settings = """
            {"analysis": {
              "char_filter": {"strip": {"type": "html_strip", "escaped_tags": ["b"]}},
              "analyzer": {"test": {"tokenizer": "standard", "char_filter": ["strip"]}}}}""";
        // The kept <b> tags reach the tokenizer (their name becomes a token); <p> does not.
        assertEquals(List.of("Ouders", "b", "kind", "b"), tokens(settings, "test", "<p>Ouders <b>kind</b></p>"));
    }
}
