package dev.mtproto.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * One download (https://core.telegram.org/api/files#downloading-files): aligned requests of the
 * {@link DownloadPlan}, up to {@link TransferSettings#partsInFlight()} fetched and not yet written at once (so at
 * most that many parts in memory), written to the target strictly in order by the pump. A file of unknown
 * length ends with its first short part; answers (or errors) for requests past it are dropped.
 */
final class DownloadJob extends TransferJob<DownloadResult> {
    private final DcPartFetcher fetcher;
    private final DownloadSink sink;
    private final int window;
    private final Pump pump;
    private final long offset;
    private final long length;
    private final long fileSize;
    private final int limit;

    /** Only touched by the pump. */
    private DownloadPlan plan;
    private boolean opened;
    private boolean closed;
    private long nextWrite;
    private long written;

    /** Guarded by this: answers (read-only ByteBuffers) or failures (Throwable) waiting for their turn to be written. */
    private final Map<Long, Object> ready = new HashMap<>();
    private long nextRequest;
    private long lastRequest = Long.MAX_VALUE;
    private int outstanding;

    DownloadJob(RemoteFile file, DownloadTarget target, DownloadOptions options, DcPartFetcher fetcher,
                TransferSettings settings, Executor executor) {
        super("download from DC " + file.dcId(), -1, options.progress());
        this.fetcher = fetcher;
        this.sink = DownloadSink.of(target, options.partSize());
        this.window = settings.partsInFlight();
        this.offset = options.offset();
        this.length = options.length();
        this.fileSize = file.size();
        this.limit = options.partSize();
        this.pump = new Pump(executor, this::step);
        DownloadPlan whole = new DownloadPlan(offset, length, fileSize, limit);
        total(whole.length());
    }

    void start() {
        pump.kick();
    }

    /** The pump's step: open the target, write what is ready in order, request more while the window has room. */
    private void step() {
        try {
            if (!stopped() && !opened) {
                open();
            }
            while (!stopped()) {
                Object next;
                synchronized (this) {
                    if (nextWrite >= lastRequest) {
                        break;
                    }
                    next = ready.remove(nextWrite);
                }
                if (next == null) {
                    break;
                }
                if (next instanceof Throwable error) {
                    fail(error);
                    break;
                }
                write((ByteBuffer) next);
            }
            if (!stopped()) {
                boolean complete;
                synchronized (this) {
                    complete = nextWrite >= lastRequest;
                }
                if (complete) {
                    total(written);
                    succeed(sink.finish(written));
                } else {
                    request();
                }
            }
        } catch (IOException e) {
            fail(new UncheckedIOException("writing the download failed", e));
        } catch (RuntimeException e) {
            fail(e);
        }
        if (stopped() && !closed) {
            closed = true;
            if (result().isCompletedExceptionally()) {
                sink.abort();
            }
        }
    }

    private void open() throws IOException {
        opened = true;
        long kept = sink.open(new DownloadPlan(offset, length, fileSize, limit).length());
        plan = new DownloadPlan(offset + kept, length < 0 ? -1 : length - kept, fileSize, limit);
        total(plan.length());
        long count = plan.requestCount();
        synchronized (this) {
            lastRequest = count < 0 ? Long.MAX_VALUE : count;
        }
    }

    private void write(ByteBuffer part) throws IOException {
        long index = nextWrite;
        int size = part.remaining();
        boolean last = plan.check(index, size);
        int from = plan.trimStart(index, size);
        int to = plan.trimEnd(index, size);
        if (to > from) {
            int start = part.position();
            sink.write(part.limit(start + to).position(start + from));
            written += to - from;
        }
        synchronized (this) {
            nextWrite++;
            outstanding--;
            if (last) {
                endAt(index + 1);
            }
        }
        if (to > from) {
            advance(to - from);
        }
    }

    /** Under the lock: the file (or range) ends before request {@code end}; later answers are dropped. */
    private void endAt(long end) {
        if (end < lastRequest) {
            lastRequest = end;
            int before = ready.size();
            ready.keySet().removeIf(i -> i >= end);
            outstanding -= before - ready.size();
        }
    }

    private void request() {
        while (true) {
            long index;
            synchronized (this) {
                if (outstanding >= window || nextRequest >= lastRequest) {
                    return;
                }
                index = nextRequest++;
                outstanding++;
            }
            long at = plan.requestOffset(index);
            fetcher.fetch(this, index, at, plan.limit()).whenComplete((bytes, error) -> arrived(index, bytes, error));
        }
    }

    private void arrived(long index, ByteBuffer bytes, Throwable error) {
        if (error != null && fileSize >= 0) {
            fail(error); // the file's length is known: no request past its end, so no failure to wait for
            return;
        }
        synchronized (this) {
            if (index >= lastRequest) {
                outstanding--;
                return;
            }
            if (error == null && bytes.remaining() < limit) {
                endAt(index + 1);
            }
            ready.put(index, error != null ? PartFailure.unwrap(error) : bytes);
        }
        pump.kick();
    }

    @Override
    void ended() {
        pump.kick();
    }
}
