package io.offsite.store.jdbc;

import java.util.Locale;

/** The SQL databases OffSite's JDBC stores run on. */
public enum Dialect {
    /** H2 2.x, embedded file mode (the zero-set-up default) or server mode. */
    H2("h2"),
    /** PostgreSQL 15 or newer. */
    POSTGRESQL("postgresql");

    private final String folder;

    Dialect(String folder) {
        this.folder = folder;
    }

    /** The dialect's migration folder name. */
    String folder() {
        return folder;
    }

    /** The dialect for a JDBC {@code DatabaseMetaData.getDatabaseProductName()}. */
    static Dialect ofProduct(String productName) {
        String p = productName == null ? "" : productName.toLowerCase(Locale.ROOT);
        if (p.equals("h2")) {
            return H2;
        }
        if (p.equals("postgresql")) {
            return POSTGRESQL;
        }
        throw new StoreException("database '" + productName + "' is not supported; OffSite's JDBC stores run on H2 2.x"
                + " and PostgreSQL 15+");
    }
}
