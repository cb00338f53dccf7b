package dev.mtproto.testkit;

import dev.mtproto.tl.api.CdnConfig;
import dev.mtproto.tl.api.CdnPublicKey;
import dev.mtproto.tl.api.Config;
import dev.mtproto.tl.api.DcOption;
import dev.mtproto.tl.api.NearestDc;
import dev.mtproto.tl.api.help.GetCdnConfig;
import dev.mtproto.tl.api.help.GetConfig;
import dev.mtproto.tl.api.help.GetNearestDc;
import java.util.ArrayList;
import java.util.List;

/** The answers every test DC knows without scripting: configuration, nearest DC, CDN configuration. */
final class DefaultHandlers {
    private DefaultHandlers() {
    }

    static void install(RpcHandlers handlers, TestCluster cluster) {
        handlers.on(GetConfig.class, (m, call) -> config(cluster, call.dc(), call.testMode()));
        handlers.on(GetNearestDc.class, (m, call) -> new NearestDc("XX", call.dcId(), call.dcId()));
        handlers.on(GetCdnConfig.class, (m, call) -> new CdnConfig(cluster.cdnDc()
                .map(dc -> List.of(new CdnPublicKey(dc.id(), cluster.cdnRsaPublicKeyPem().orElseThrow()))).orElse(List.of())));
    }

    /**
     * The configuration a client of {@code thisDc} gets: the cluster's DCs as they listen (media-only addresses
     * with {@code media_only}), and the mode of its key.
     */
    static Config config(TestCluster cluster, TestDc thisDc, boolean testMode) {
        List<DcOption> options = new ArrayList<>();
        for (TestDc dc : cluster.dcs()) {
            options.add(DcOption.builder().id(dc.id()).ipAddress(dc.host()).port(dc.port()).build());
            dc.ipv6Port().ifPresent(port -> options.add(DcOption.builder().ipv6(true).id(dc.id())
                    .ipAddress(DcAddresses.IPV6_LOOPBACK).port(port).build()));
            dc.mediaPort().ifPresent(port -> options.add(DcOption.builder().mediaOnly(true).id(dc.id()).ipAddress(dc.host()).port(port).build()));
        }
        cluster.cdnDc().ifPresent(dc -> options.add(DcOption.builder().cdn(true).id(dc.id()).ipAddress(dc.host()).port(dc.port()).build()));
        int now = (int) (thisDc.nowMillis() / 1000);
        return Config.builder()
                .date(now).expires(now + 3600).testMode(testMode).thisDc(thisDc.id()).dcOptions(options)
                .dcTxtDomainName("localhost").chatSizeMax(200).megagroupSizeMax(200_000).forwardedCountMax(100)
                .onlineUpdatePeriodMs(210_000).offlineBlurTimeoutMs(5000).offlineIdleTimeoutMs(30_000)
                .onlineCloudTimeoutMs(300_000).notifyCloudDelayMs(30_000).notifyDefaultDelayMs(1500)
                .pushChatPeriodMs(60_000).pushChatLimit(2).editTimeLimit(172_800).revokeTimeLimit(172_800)
                .revokePmTimeLimit(Integer.MAX_VALUE).ratingEDecay(2_419_200).stickersRecentLimit(200)
                .channelsReadMediaPeriod(604_800).callReceiveTimeoutMs(20_000).callRingTimeoutMs(90_000)
                .callConnectTimeoutMs(30_000).callPacketTimeoutMs(10_000).meUrlPrefix("https://t.me/")
                .captionLengthMax(1024).messageLengthMax(4096).webfileDcId(thisDc.id())
                .build();
    }
}
