package io.offsite.core.objects;

import io.offsite.core.InvalidValueException;
import java.util.List;
import java.util.Objects;

/**
 * The class of a managed object (管理对象分类). The model city uses six: the three built in here (street shops,
 * enterprises, small/mobile vendors) and three of its own, declared with {@link #of(String, String)}.
 *
 * @param code stable lower-case code used in files, e.g. {@code street-shop}
 * @param name display name
 */
public record ObjectCategory(String code, String name) {
    /** Street-front shop (沿街店铺). */
    public static final ObjectCategory STREET_SHOP = new ObjectCategory("street-shop", "沿街店铺");
    /** Enterprise (企业); each keeps an {@link EnterpriseArchive} (一企一档). */
    public static final ObjectCategory ENTERPRISE = new ObjectCategory("enterprise", "企业");
    /** Small or mobile vendor (小摊小贩). */
    public static final ObjectCategory SMALL_VENDOR = new ObjectCategory("small-vendor", "小摊小贩");

    public ObjectCategory {
        Objects.requireNonNull(name, "name");
        if (code == null || !code.matches("[a-z0-9][a-z0-9-]*")) {
            throw new InvalidValueException("category code must be lower-case letters, digits and dashes, was "
                    + (code == null ? "null" : "\"" + code + "\""));
        }
    }

    /** A category the city defines (e.g. construction site, market, residential compound). */
    public static ObjectCategory of(String code, String name) {
        return new ObjectCategory(code, name);
    }

    /** The built-in categories. */
    public static List<ObjectCategory> builtIn() {
        return List.of(STREET_SHOP, ENTERPRISE, SMALL_VENDOR);
    }
}
