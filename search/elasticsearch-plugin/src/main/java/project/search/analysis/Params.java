package project.search.analysis;

import org.elasticsearch.common.settings.Settings;

/**
 * Reads and checks component parameters. Every problem is an {@link IllegalArgumentException} whose
 * message names the component and the parameter: Elasticsearch turns it into an HTTP 400 for the
 * index creation or {@code _analyze} request, instead of failing the node.
 */
final class Params {

    private Params() {}

    static int intParam(String component, Settings settings, String key, int defaultValue) {
        String raw = settings.get(key);
        if (raw == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("[" + key + "] of [" + component + "] must be an integer, got [" + raw + "]");
        }
    }

    static boolean boolParam(String component, Settings settings, String key, boolean defaultValue) {
        String raw = settings.get(key);
        if (raw == null) {
            return defaultValue;
        }
        return switch (raw.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(
                "[" + key + "] of [" + component + "] must be [true] or [false], got [" + raw + "]"
            );
        };
    }

    /** n-gram sizes: both at least 1 and min not above max. */
    static void checkGramSizes(String component, int minGram, int maxGram) {
        if (minGram < 1) {
            throw new IllegalArgumentException("[min_gram] of [" + component + "] must be at least 1, got [" + minGram + "]");
        }
        if (minGram > maxGram) {
            throw new IllegalArgumentException(
                "[min_gram] of [" + component + "] must not be greater than [max_gram], got min_gram [" + minGram
                    + "] and max_gram [" + maxGram + "]"
            );
        }
    }
}
