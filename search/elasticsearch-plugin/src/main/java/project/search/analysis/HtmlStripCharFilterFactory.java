package project.search.analysis;

import org.apache.lucene.analysis.charfilter.HTMLStripCharFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractCharFilterFactory;

import java.io.Reader;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code html_strip} char filter: removes tags and decodes entities ("&lt;p&gt;a &amp;amp; b&lt;/p&gt;" -> "a &amp; b");
 * {@code escaped_tags} lists tags to keep.
 */
final class HtmlStripCharFilterFactory extends AbstractCharFilterFactory {

    private final Set<String> escapedTags;

    HtmlStripCharFilterFactory(IndexSettings indexSettings, Environment env, String name, Settings settings) {
        super(name);
        Set<String> tags = new TreeSet<>(settings.getAsList("escaped_tags"));
        this.escapedTags = tags.isEmpty() ? null : Set.copyOf(tags);
    }

    @Override
    public Reader create(Reader reader) {
        return new HTMLStripCharFilter(reader, escapedTags);
    }
}
