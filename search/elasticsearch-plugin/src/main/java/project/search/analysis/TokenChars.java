package project.search.analysis;

import org.elasticsearch.common.settings.Settings;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntPredicate;

/**
 * The {@code token_chars} parameter of the ngram / edge_ngram tokenizers: which characters belong in
 * tokens (letter, digit, whitespace, punctuation, symbol, custom + {@code custom_token_chars}).
 * Empty means every character, as in stock.
 */
final class TokenChars {

    static final Set<String> CLASSES = new TreeSet<>(List.of("letter", "digit", "whitespace", "punctuation", "symbol", "custom"));

    private TokenChars() {}

    /** @return null when every character is a token character */
    static IntPredicate parse(String component, Settings settings) {
        List<String> classes = settings.getAsList("token_chars");
        if (classes.isEmpty()) {
            return null;
        }
        IntPredicate result = c -> false;
        for (String raw : classes) {
            String cls = raw.trim().toLowerCase(Locale.ROOT);
            IntPredicate p = switch (cls) {
                case "letter" -> Character::isLetter;
                case "digit" -> Character::isDigit;
                case "whitespace" -> Character::isWhitespace;
                case "punctuation" -> TokenChars::isPunctuation;
                case "symbol" -> TokenChars::isSymbol;
                case "custom" -> custom(component, settings);
                default -> throw new IllegalArgumentException(
                    "Unknown token type [" + raw + "] in [token_chars] of [" + component + "], must be one of " + CLASSES
                );
            };
            result = result.or(p);
        }
        return result;
    }

    private static IntPredicate custom(String component, Settings settings) {
        String chars = settings.get("custom_token_chars");
        if (chars == null || chars.isEmpty()) {
            throw new IllegalArgumentException(
                "Token type [custom] in [token_chars] of [" + component + "] requires [custom_token_chars] to be set"
            );
        }
        Set<Integer> codePoints = new TreeSet<>();
        chars.codePoints().forEach(codePoints::add);
        return codePoints::contains;
    }

    private static boolean isPunctuation(int c) {
        return switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }

    private static boolean isSymbol(int c) {
        return switch (Character.getType(c)) {
            case Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }
}
