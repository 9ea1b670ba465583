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

class DecompounderTest {

    static final String WORDS = "[\"scheiding\", \"vecht\", \"echt\", \"loket\", \"ouderschap\", \"plan\", \"kind\", \"gesprek\"]";

    static String settings(String extra) {
        return analyzerWithFilters("{\"split\": {\"type\": \"dictionary_decompounder\", \"word_list\": " + WORDS + extra + "}}", "lowercase", "split");
    }

    @Test
    void keepsTheCompoundAndAddsItsParts() {
        List<String> tokens = tokens(settings(""), "test", "vechtscheidingsproblematiek");
        assertEquals("vechtscheidingsproblematiek", tokens.get(0));
        assertTrue(tokens.containsAll(List.of("vecht", "scheiding")), tokens.toString());
    }

    @Test
    void ouderschapsplan() {
        assertEquals(List.of("ouderschapsplan", "ouderschap", "plan"), tokens(settings(""), "test", "Ouderschapsplan"));
        assertEquals(List.of("kindgesprek", "kind", "gesprek"), tokens(settings(""), "test", "kindgesprek"));
    }

    @Test
    void onlyLongestMatch() {
        List<String> tokens = tokens(settings(", \"only_longest_match\": true"), "test", "echtscheidingsloket");
        assertEquals(List.of("echtscheidingsloket", "echt", "scheiding", "loket"), tokens);
    }

    @Test
    void minWordSizeDefaultIsFive() {
        // "kind" (4 letters) is shorter than min_word_size 5: left alone.
        assertEquals(List.of("kind"), tokens(settings(""), "test", "kind"));
    }

    @Test
    void wordListFromConfigDirectory() throws Exception {
        Path config = Analysis.newConfigDir();
        Files.createDirectories(config.resolve("analysis"));
        Files.writeString(config.resolve("analysis/woorden.txt"), "# Dutch compound parts\nouderschap\nplan\n");
        String settings = analyzerWithFilters("""
            {"split": {"type": "dictionary_decompounder", "word_list_path": "analysis/woorden.txt"}}""", "lowercase", "split");
        assertEquals(List.of("ouderschapsplan", "ouderschap", "plan"), Analysis.tokens(Analysis.build(settings, config).get("test"), "ouderschapsplan"));
    }

    @Test
    void missingWordListIsRejected() {
        String message = rejected(analyzerWithFilters("{\"split\": {\"type\": \"dictionary_decompounder\"}}", "split"));
        assertTrue(message.contains("word_list must be provided"), message);
    }

    @Test
    void missingWordListFileIsRejected() {
        String message = rejected(analyzerWithFilters("""
            {"split": {"type": "dictionary_decompounder", "word_list_path": "analysis/nope.txt"}}""", "split"));
        assertTrue(message.contains("word_list_path"), message);
    }

    @Test
    void nonNumericSizeIsRejected() {
        String message = rejected(settings(", \"min_subword_size\": \"twee\""));
        assertTrue(message.contains("[min_subword_size]"), message);
    }
}
