package dev.mtproto.client;

import dev.mtproto.tl.TlMethod;
import dev.mtproto.tl.api.ApiSchema;
import dev.mtproto.tl.api.InitConnection;
import dev.mtproto.tl.api.InvokeWithLayer;
import java.util.Locale;
import java.util.Objects;

/**
 * What a client tells the server about itself in {@code initConnection}.
 *
 * @param deviceModel device model, e.g. the host or container name
 * @param systemVersion operating system and version
 * @param appVersion the application's version
 * @param systemLangCode ISO 639-1 code of the system language
 * @param langPack the language pack platform ({@code ""} for none)
 * @param langCode ISO 639-1 code of the client's language
 */
public record InitConnectionParams(String deviceModel, String systemVersion, String appVersion, String systemLangCode,
                                   String langPack, String langCode) {
    public InitConnectionParams {
        Objects.requireNonNull(deviceModel, "deviceModel");
        Objects.requireNonNull(systemVersion, "systemVersion");
        Objects.requireNonNull(appVersion, "appVersion");
        Objects.requireNonNull(systemLangCode, "systemLangCode");
        Objects.requireNonNull(langPack, "langPack");
        Objects.requireNonNull(langCode, "langCode");
    }

    /** @return values describing this JVM: {@code Java 17 / Linux 6.1 / mtproto-spring}, the default locale */
    public static InitConnectionParams defaults() {
        String lang = Locale.getDefault().getLanguage();
        if (lang.isEmpty()) {
            lang = "en";
        }
        return new InitConnectionParams("Java " + Runtime.version().feature(),
                System.getProperty("os.name", "unknown") + " " + System.getProperty("os.version", ""),
                "mtproto-spring", lang, "", lang);
    }

    /**
     * Wraps a call in {@code invokeWithLayer(current layer, initConnection(..., call))}.
     *
     * @param apiId the application's api_id
     * @param query the call
     * @param <R> its result type
     * @return the wrapped call, with the same result type
     */
    public <R> TlMethod<R> wrap(int apiId, TlMethod<R> query) {
        InitConnection<R> init = InitConnection.<R>builder().apiId(apiId).deviceModel(deviceModel).systemVersion(systemVersion)
                .appVersion(appVersion).systemLangCode(systemLangCode).langPack(langPack).langCode(langCode).query(query).build();
        return new InvokeWithLayer<>(ApiSchema.LAYER, init);
    }
}
