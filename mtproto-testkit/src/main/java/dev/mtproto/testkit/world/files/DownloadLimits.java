package dev.mtproto.testkit.world.files;

import dev.mtproto.testkit.world.calls.WorldErrors;

/**
 * The rules for {@code upload.getFile}'s {@code offset} and {@code limit}
 * (https://core.telegram.org/api/files#downloading-files):
 * <ul>
 *   <li>without {@code precise}: the offset divisible by 4 KiB, the limit divisible by 4 KiB and 1 MiB
 *       divisible by the limit;</li>
 *   <li>with {@code precise}: the offset and the limit divisible by 1 KiB, the limit at most 1 MiB;</li>
 *   <li>either way, the part must not cross a 1 MiB boundary
 *       ({@code offset / 1 MiB == (offset + limit - 1) / 1 MiB}).</li>
 * </ul>
 * A bad offset is {@code 400 OFFSET_INVALID}; a bad limit, or one that crosses the boundary, {@code 400 LIMIT_INVALID}.
 */
public final class DownloadLimits {
    /** 1 MiB: the largest part, and the boundary no part may cross. */
    public static final int MAX_LIMIT = 1024 * 1024;

    private DownloadLimits() {
    }

    /**
     * @param offset the {@code offset}
     * @param limit the {@code limit}
     * @param precise whether the {@code precise} flag is set
     * @param method the function, for errors
     * @throws dev.mtproto.rpc.RpcException {@code OFFSET_INVALID} or {@code LIMIT_INVALID}
     */
    public static void check(long offset, int limit, boolean precise, String method) {
        int unit = precise ? 1024 : 4096;
        if (offset < 0 || offset % unit != 0) {
            throw WorldErrors.of(400, "OFFSET_INVALID", method);
        }
        boolean limitOk = limit > 0 && limit % unit == 0 && limit <= MAX_LIMIT && (precise || MAX_LIMIT % limit == 0);
        if (!limitOk || offset / MAX_LIMIT != (offset + limit - 1) / MAX_LIMIT) {
            throw WorldErrors.of(400, "LIMIT_INVALID", method);
        }
    }
}
