package project.search.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ar.ArabicStemFilter;
import org.apache.lucene.analysis.bg.BulgarianStemFilter;
import org.apache.lucene.analysis.bn.BengaliStemFilter;
import org.apache.lucene.analysis.br.BrazilianStemFilter;
import org.apache.lucene.analysis.ckb.SoraniStemFilter;
import org.apache.lucene.analysis.cz.CzechStemFilter;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.de.GermanMinimalStemFilter;
import org.apache.lucene.analysis.el.GreekStemFilter;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.apache.lucene.analysis.es.SpanishPluralStemFilter;
import org.apache.lucene.analysis.fa.PersianStemFilter;
import org.apache.lucene.analysis.fi.FinnishLightStemFilter;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.fr.FrenchMinimalStemFilter;
import org.apache.lucene.analysis.gl.GalicianMinimalStemFilter;
import org.apache.lucene.analysis.gl.GalicianStemFilter;
import org.apache.lucene.analysis.hi.HindiStemFilter;
import org.apache.lucene.analysis.hu.HungarianLightStemFilter;
import org.apache.lucene.analysis.id.IndonesianStemFilter;
import org.apache.lucene.analysis.it.ItalianLightStemFilter;
import org.apache.lucene.analysis.lv.LatvianStemFilter;
import org.apache.lucene.analysis.no.NorwegianLightStemFilter;
import org.apache.lucene.analysis.no.NorwegianLightStemmer;
import org.apache.lucene.analysis.no.NorwegianMinimalStemFilter;
import org.apache.lucene.analysis.pt.PortugueseLightStemFilter;
import org.apache.lucene.analysis.pt.PortugueseMinimalStemFilter;
import org.apache.lucene.analysis.pt.PortugueseStemFilter;
import org.apache.lucene.analysis.ru.RussianLightStemFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.sv.SwedishLightStemFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.tartarus.snowball.ext.ArmenianStemmer;
import org.tartarus.snowball.ext.BasqueStemmer;
import org.tartarus.snowball.ext.CatalanStemmer;
import org.tartarus.snowball.ext.DanishStemmer;
import org.tartarus.snowball.ext.DutchStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.EstonianStemmer;
import org.tartarus.snowball.ext.FinnishStemmer;
import org.tartarus.snowball.ext.FrenchStemmer;
import org.tartarus.snowball.ext.German2Stemmer;
import org.tartarus.snowball.ext.GermanStemmer;
import org.tartarus.snowball.ext.HungarianStemmer;
import org.tartarus.snowball.ext.IrishStemmer;
import org.tartarus.snowball.ext.ItalianStemmer;
import org.tartarus.snowball.ext.KpStemmer;
import org.tartarus.snowball.ext.LithuanianStemmer;
import org.tartarus.snowball.ext.LovinsStemmer;
import org.tartarus.snowball.ext.NorwegianStemmer;
import org.tartarus.snowball.ext.PortugueseStemmer;
import org.tartarus.snowball.ext.RomanianStemmer;
import org.tartarus.snowball.ext.RussianStemmer;
import org.tartarus.snowball.ext.SerbianStemmer;
import org.tartarus.snowball.ext.SpanishStemmer;
import org.tartarus.snowball.ext.SwedishStemmer;
import org.tartarus.snowball.ext.TurkishStemmer;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * {@code stemmer} token filter: parameter {@code language} (alias {@code name}), default {@code porter},
 * with stock analysis-common's language names. Both {@code light_english} and {@code lightEnglish}
 * spellings are accepted, as in stock.
 */
final class StemmerFilterFactory extends AbstractTokenFilterFactory {

    /** language name (snake_case) -> wraps a token stream in that language's stemmer. */
    private static final Map<String, UnaryOperator<TokenStream>> STEMMERS = new TreeMap<>();

    static {
        // Dutch
        STEMMERS.put("dutch", ts -> new SnowballFilter(ts, new DutchStemmer()));
        STEMMERS.put("dutch_kp", ts -> new SnowballFilter(ts, new KpStemmer()));
        STEMMERS.put("kp", ts -> new SnowballFilter(ts, new KpStemmer()));
        // English
        STEMMERS.put("english", PorterStemFilter::new);
        STEMMERS.put("porter", PorterStemFilter::new);
        STEMMERS.put("porter2", ts -> new SnowballFilter(ts, new EnglishStemmer()));
        STEMMERS.put("light_english", KStemFilter::new);
        STEMMERS.put("kstem", KStemFilter::new);
        STEMMERS.put("lovins", ts -> new SnowballFilter(ts, new LovinsStemmer()));
        STEMMERS.put("minimal_english", EnglishMinimalStemFilter::new);
        STEMMERS.put("possessive_english", EnglishPossessiveFilter::new);
        // German
        STEMMERS.put("german", ts -> new SnowballFilter(ts, new GermanStemmer()));
        STEMMERS.put("german2", ts -> new SnowballFilter(ts, new German2Stemmer()));
        STEMMERS.put("light_german", GermanLightStemFilter::new);
        STEMMERS.put("minimal_german", GermanMinimalStemFilter::new);
        // French
        STEMMERS.put("french", ts -> new SnowballFilter(ts, new FrenchStemmer()));
        STEMMERS.put("light_french", FrenchLightStemFilter::new);
        STEMMERS.put("minimal_french", FrenchMinimalStemFilter::new);
        // Others, as in stock
        STEMMERS.put("arabic", ArabicStemFilter::new);
        STEMMERS.put("armenian", ts -> new SnowballFilter(ts, new ArmenianStemmer()));
        STEMMERS.put("basque", ts -> new SnowballFilter(ts, new BasqueStemmer()));
        STEMMERS.put("bengali", BengaliStemFilter::new);
        STEMMERS.put("brazilian", BrazilianStemFilter::new);
        STEMMERS.put("bulgarian", BulgarianStemFilter::new);
        STEMMERS.put("catalan", ts -> new SnowballFilter(ts, new CatalanStemmer()));
        STEMMERS.put("czech", CzechStemFilter::new);
        STEMMERS.put("danish", ts -> new SnowballFilter(ts, new DanishStemmer()));
        STEMMERS.put("estonian", ts -> new SnowballFilter(ts, new EstonianStemmer()));
        STEMMERS.put("finnish", ts -> new SnowballFilter(ts, new FinnishStemmer()));
        STEMMERS.put("light_finish", FinnishLightStemFilter::new); // stock keeps this misspelling
        STEMMERS.put("light_finnish", FinnishLightStemFilter::new);
        STEMMERS.put("galician", GalicianStemFilter::new);
        STEMMERS.put("minimal_galician", GalicianMinimalStemFilter::new);
        STEMMERS.put("greek", GreekStemFilter::new);
        STEMMERS.put("hindi", HindiStemFilter::new);
        STEMMERS.put("hungarian", ts -> new SnowballFilter(ts, new HungarianStemmer()));
        STEMMERS.put("light_hungarian", HungarianLightStemFilter::new);
        STEMMERS.put("indonesian", IndonesianStemFilter::new);
        STEMMERS.put("irish", ts -> new SnowballFilter(ts, new IrishStemmer()));
        STEMMERS.put("italian", ts -> new SnowballFilter(ts, new ItalianStemmer()));
        STEMMERS.put("light_italian", ItalianLightStemFilter::new);
        STEMMERS.put("latvian", LatvianStemFilter::new);
        STEMMERS.put("lithuanian", ts -> new SnowballFilter(ts, new LithuanianStemmer()));
        STEMMERS.put("norwegian", ts -> new SnowballFilter(ts, new NorwegianStemmer()));
        STEMMERS.put("light_norwegian", NorwegianLightStemFilter::new);
        STEMMERS.put("minimal_norwegian", NorwegianMinimalStemFilter::new);
        STEMMERS.put("light_nynorsk", ts -> new NorwegianLightStemFilter(ts, NorwegianLightStemmer.NYNORSK));
        STEMMERS.put("minimal_nynorsk", ts -> new NorwegianMinimalStemFilter(ts, NorwegianLightStemmer.NYNORSK));
        STEMMERS.put("persian", PersianStemFilter::new);
        STEMMERS.put("portuguese", ts -> new SnowballFilter(ts, new PortugueseStemmer()));
        STEMMERS.put("light_portuguese", PortugueseLightStemFilter::new);
        STEMMERS.put("minimal_portuguese", PortugueseMinimalStemFilter::new);
        STEMMERS.put("portuguese_rslp", PortugueseStemFilter::new);
        STEMMERS.put("romanian", ts -> new SnowballFilter(ts, new RomanianStemmer()));
        STEMMERS.put("russian", ts -> new SnowballFilter(ts, new RussianStemmer()));
        STEMMERS.put("light_russian", RussianLightStemFilter::new);
        STEMMERS.put("serbian", ts -> new SnowballFilter(ts, new SerbianStemmer()));
        STEMMERS.put("sorani", SoraniStemFilter::new);
        STEMMERS.put("spanish", ts -> new SnowballFilter(ts, new SpanishStemmer()));
        STEMMERS.put("light_spanish", SpanishLightStemFilter::new);
        STEMMERS.put("spanish_plural", SpanishPluralStemFilter::new);
        STEMMERS.put("swedish", ts -> new SnowballFilter(ts, new SwedishStemmer()));
        STEMMERS.put("light_swedish", SwedishLightStemFilter::new);
        STEMMERS.put("turkish", ts -> new SnowballFilter(ts, new TurkishStemmer()));
    }

    private final UnaryOperator<TokenStream> stemmer;

    StemmerFilterFactory(IndexSettings indexSettings, Environment env, String name, Settings settings) {
        super(name, settings);
        String language = settings.get("language", settings.get("name", "porter"));
        this.stemmer = STEMMERS.get(normalize(language));
        if (stemmer == null) {
            throw new IllegalArgumentException(
                "Unknown language [" + language + "] for stemmer filter [" + name + "]; supported languages: " + STEMMERS.keySet()
            );
        }
    }

    /** "lightEnglish" and "Light_English" -> "light_english". */
    static String normalize(String language) {
        return language.trim().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return stemmer.apply(tokenStream);
    }
}
