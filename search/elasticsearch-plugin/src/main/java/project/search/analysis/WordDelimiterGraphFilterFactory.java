package project.search.analysis;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterIterator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.Analysis;
import org.elasticsearch.index.analysis.TokenFilterFactory;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter.CATENATE_ALL;
import static org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter.CATENATE_NUMBERS;
import static org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter.CATENATE_WORDS;
import static org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS;
import static org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter.GENERATE_WORD_PARTS;
import static org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter.IGNORE_KEYWORDS;
import static org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter.PRESERVE_ORIGINAL;
import static org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter.SPLIT_ON_CASE_CHANGE;
import static org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter.SPLIT_ON_NUMERICS;
import static org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter.STEM_ENGLISH_POSSESSIVE;

/**
 * {@code word_delimiter_graph} token filter ("Wi-Fi" -> Wi, Fi; "SD500" -> SD, 500) with stock's
 * boolean parameters and defaults, {@code protected_words(_path)} and {@code type_table(_path)}.
 */
final class WordDelimiterGraphFilterFactory extends AbstractTokenFilterFactory {

    /** Character types for type_table, as Lucene's WordDelimiterIterator numbers them. */
    private static final Map<String, Byte> TYPES = new TreeMap<>(
        Map.of("LOWER", (byte) 1, "UPPER", (byte) 2, "ALPHA", (byte) 3, "DIGIT", (byte) 4, "ALPHANUM", (byte) 7, "SUBWORD_DELIM", (byte) 8)
    );
    private static final Pattern TYPE_RULE = Pattern.compile("(.*)\\s*=>\\s*(.*)\\s*$");

    private final int flags;
    private final boolean adjustOffsets;
    private final CharArraySet protectedWords;
    private final byte[] charTypeTable;

    WordDelimiterGraphFilterFactory(IndexSettings indexSettings, Environment env, String name, Settings settings) {
        super(name, settings);
        int f = 0;
        f |= flag(name, settings, "generate_word_parts", true, GENERATE_WORD_PARTS);
        f |= flag(name, settings, "generate_number_parts", true, GENERATE_NUMBER_PARTS);
        f |= flag(name, settings, "catenate_words", false, CATENATE_WORDS);
        f |= flag(name, settings, "catenate_numbers", false, CATENATE_NUMBERS);
        f |= flag(name, settings, "catenate_all", false, CATENATE_ALL);
        f |= flag(name, settings, "split_on_case_change", true, SPLIT_ON_CASE_CHANGE);
        f |= flag(name, settings, "preserve_original", false, PRESERVE_ORIGINAL);
        f |= flag(name, settings, "split_on_numerics", true, SPLIT_ON_NUMERICS);
        f |= flag(name, settings, "stem_english_possessive", true, STEM_ENGLISH_POSSESSIVE);
        f |= flag(name, settings, "ignore_keywords", false, IGNORE_KEYWORDS);
        this.flags = f;
        this.adjustOffsets = Params.boolParam(name, settings, "adjust_offsets", true);
        this.protectedWords = Analysis.getWordSet(env, settings, "protected_words");
        List<String> typeRules = Analysis.getWordList(env, settings, "type_table");
        this.charTypeTable = typeRules == null ? WordDelimiterIterator.DEFAULT_WORD_DELIM_TABLE : parseTypeTable(name, typeRules);
    }

    private static int flag(String name, Settings settings, String key, boolean defaultValue, int bit) {
        return Params.boolParam(name, settings, key, defaultValue) ? bit : 0;
    }

    /** Rules like "# => ALPHA" or "\\u200D => ALPHANUM" on top of Lucene's default table. */
    static byte[] parseTypeTable(String name, List<String> rules) {
        Map<Character, Byte> overrides = new TreeMap<>();
        for (String rule : rules) {
            Matcher m = TYPE_RULE.matcher(rule);
            if (m.matches() == false) {
                throw new IllegalArgumentException("Invalid type_table rule [" + rule + "] in [" + name + "]: expected \"char => TYPE\"");
            }
            String lhs = unescape(name, rule, m.group(1).trim());
            if (lhs.length() != 1) {
                throw new IllegalArgumentException("Invalid type_table rule [" + rule + "] in [" + name + "]: left side must be one character");
            }
            Byte type = TYPES.get(m.group(2).trim());
            if (type == null) {
                throw new IllegalArgumentException(
                    "Invalid type_table rule [" + rule + "] in [" + name + "]: type must be one of " + TYPES.keySet()
                );
            }
            overrides.put(lhs.charAt(0), type);
        }
        byte[] defaults = WordDelimiterIterator.DEFAULT_WORD_DELIM_TABLE;
        int size = defaults.length;
        for (char c : overrides.keySet()) {
            size = Math.max(size, c + 1);
        }
        byte[] table = Arrays.copyOf(defaults, size);
        for (int c = defaults.length; c < size; c++) {
            table[c] = WordDelimiterIterator.getType(c);
        }
        overrides.forEach((c, type) -> table[c] = type);
        return table;
    }

    private static String unescape(String name, String rule, String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                out.append(c);
                continue;
            }
            char next = s.charAt(++i);
            switch (next) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    try {
                        out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    } catch (NumberFormatException | IndexOutOfBoundsException e) {
                        throw new IllegalArgumentException("Invalid type_table rule [" + rule + "] in [" + name + "]: bad \\u escape");
                    }
                    i += 4;
                }
                default -> out.append(next);
            }
        }
        return out.toString();
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new WordDelimiterGraphFilter(tokenStream, adjustOffsets, charTypeTable, flags, protectedWords);
    }

    @Override
    public TokenFilterFactory getSynonymFilter() {
        throw new IllegalArgumentException("Token filter [" + name() + "] cannot be used to parse synonyms");
    }
}
