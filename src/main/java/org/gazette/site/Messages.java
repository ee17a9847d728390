package org.gazette.site;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The interface words in the site's language, from {@code i18n/messages*.properties}. */
public final class Messages {

    private final ResourceBundle bundle;
    private final Locale locale;

    public Messages(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle("i18n.messages", locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public String t(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            // A missing word should show up in review, not break the page.
            return "[" + key + "]";
        }
    }

    public String t(String key, Object... args) {
        return new MessageFormat(t(key), locale).format(args);
    }

    public Locale locale() {
        return locale;
    }
}
