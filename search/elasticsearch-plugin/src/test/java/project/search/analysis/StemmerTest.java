package project.search.analysis;

import org.junit.jupiter.api.Test;

import java.util.List;

import static project.search.analysis.Analysis.analyzerWithFilters;
import static project.search.analysis.Analysis.rejected;
import static project.search.analysis.Analysis.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StemmerTest {

    @Test
    void dutchStemmerStemsPlurals() {
        String settings = analyzerWithFilters("""
            {"nl_stem": {"type": "stemmer", "language": "dutch"}}""", "lowercase", "nl_stem");
        assertEquals(List.of("scheiding", "kinder", "ouder", "gesprek"), tokens(settings, "test", "Scheidingen kinderen ouders gesprekken"));
    }

    @Test
    void nameIsAnAliasOfLanguageAndCaseDoesNotMatter() {
        String settings = analyzerWithFilters("""
            {"nl_stem": {"type": "stemmer", "name": "Dutch"}}""", "lowercase", "nl_stem");
        assertEquals(List.of("gesprek"), tokens(settings, "test", "gesprekken"));
    }

    @Test
    void otherLanguagesAreRejected() {
        String message = rejected(analyzerWithFilters("""
            {"en_stem": {"type": "stemmer", "language": "english"}}""", "en_stem"));
        assertTrue(message.contains("Unknown language [english]"), message);
        assertTrue(message.contains("[dutch]"), message);
    }

    @Test
    void aStemmerWithoutLanguageIsRejectedRatherThanEnglish() {
        String message = rejected(analyzerWithFilters("{\"s\": {\"type\": \"stemmer\"}}", "s"));
        assertTrue(message.contains("Unknown language [null]"), message);
    }

    @Test
    void unknownLanguageIsRejected() {
        String message = rejected(analyzerWithFilters("""
            {"bad": {"type": "stemmer", "language": "klingon"}}""", "bad"));
        assertTrue(message.contains("Unknown language [klingon]"), message);
        assertTrue(message.contains("dutch"), message);
    }

    @Test
    void stemmerOverrideWinsOverTheStemmer() {
        String settings = analyzerWithFilters("""
            {"fix": {"type": "stemmer_override", "rules": ["kinderen, kinders => kind", "ouders=>ouder"]},
             "nl_stem": {"type": "stemmer", "language": "dutch"}}""", "lowercase", "fix", "nl_stem");
        assertEquals(List.of("kind", "kind", "ouder", "scheiding"), tokens(settings, "test", "kinderen kinders ouders scheidingen"));
    }

    @Test
    void invalidStemmerOverrideRuleIsRejected() {
        String message = rejected(analyzerWithFilters("""
            {"fix": {"type": "stemmer_override", "rules": ["kinderen kind"]}}""", "fix"));
        assertTrue(message.contains("Invalid rule [kinderen kind]"), message);
    }

    @Test
    void stemmerOverrideNeedsRules() {
        String message = rejected(analyzerWithFilters("{\"fix\": {\"type\": \"stemmer_override\"}}", "fix"));
        assertTrue(message.contains("[rules]"), message);
    }

    @Test
    void keywordMarkerProtectsWordsFromTheStemmer() {
        String settings = analyzerWithFilters("""
            {"keep": {"type": "keyword_marker", "keywords": ["Ouders"], "ignore_case": true},
             "nl_stem": {"type": "stemmer", "language": "dutch"}}""", "keep", "nl_stem");
        assertEquals(List.of("ouders", "kinder"), tokens(settings, "test", "ouders kinderen"));
    }

    @Test
    void keywordMarkerIsCaseSensitiveByDefault() {
        String settings = analyzerWithFilters("""
            {"keep": {"type": "keyword_marker", "keywords": ["Ouders"]},
             "nl_stem": {"type": "stemmer", "language": "dutch"}}""", "keep", "nl_stem");
        assertEquals(List.of("ouder", "Ouders"), tokens(settings, "test", "ouders Ouders"));
    }

    @Test
    void keywordMarkerPattern() {
        String settings = analyzerWithFilters("""
            {"keep": {"type": "keyword_marker", "keywords_pattern": "^ouder.*"},
             "nl_stem": {"type": "stemmer", "language": "dutch"}}""", "lowercase", "keep", "nl_stem");
        assertEquals(List.of("ouders", "kinder"), tokens(settings, "test", "ouders kinderen"));
    }

    @Test
    void keywordMarkerNeedsKeywords() {
        String message = rejected(analyzerWithFilters("{\"keep\": {\"type\": \"keyword_marker\"}}", "keep"));
        assertTrue(message.contains("requires one of [keywords], [keywords_path] or [keywords_pattern]"), message);
    }
}
