package dev.mtproto.telegram.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtproto.tl.api.PhotoCachedSize;
import dev.mtproto.tl.api.PhotoPathSize;
import dev.mtproto.tl.api.PhotoSize;
import dev.mtproto.tl.api.PhotoSizeEmpty;
import dev.mtproto.tl.api.PhotoSizeProgressive;
import dev.mtproto.tl.api.PhotoStrippedSize;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which size of a photo is the best to fetch (https://core.telegram.org/api/files#image-thumbnail-types). */
class PhotoSizeViewTest {

    @Test
    void theLargestByPixelsAmongDownloadsWinsWhateverItsLetterOrPosition() {
        List<PhotoSizeView> sizes = PhotoSizeView.of(List.of(
                new PhotoStrippedSize("i", new byte[] {1, 40, 30, 0}),
                new PhotoSize("x", 800, 600, 50_000),
                new PhotoSizeProgressive("y", 1280, 960, List.of(10_000, 40_000, 120_000)),
                new PhotoSize("m", 320, 240, 9_000),
                new PhotoSizeEmpty("z"),
                new PhotoCachedSize("s", 2000, 2000, new byte[] {1, 2, 3})));
        assertThat(sizes).extracting(PhotoSizeView::type).containsExactly("i", "x", "y", "m", "s");
        PhotoSizeView best = PhotoSizeView.best(sizes).orElseThrow();
        assertThat(best.type()).as("a cached size is never chosen over a download, however large it says it is").isEqualTo("y");
        assertThat(best.kind()).isEqualTo(PhotoSizeView.Kind.PROGRESSIVE);
        assertThat(best.bytes()).as("a progressive size's length is its last (full) prefix").isEqualTo(120_000);
        assertThat(best.downloadable()).isTrue();
    }

    @Test
    void aTieInPixelsGoesToTheLongerFile() {
        List<PhotoSizeView> sizes = PhotoSizeView.of(List.of(new PhotoSize("a", 100, 400, 10), new PhotoSize("b", 200, 200, 20),
                new PhotoSize("c", 400, 100, 15)));
        assertThat(PhotoSizeView.best(sizes).orElseThrow().type()).isEqualTo("b");
    }

    @Test
    void withoutDownloadsTheLargestInlineJpegThenTheStrippedOne() {
        List<PhotoSizeView> inline = PhotoSizeView.of(List.of(new PhotoStrippedSize("i", new byte[] {1, 40, 40, 0}),
                new PhotoCachedSize("s", 90, 90, new byte[] {9})));
        assertThat(PhotoSizeView.best(inline).orElseThrow().type()).isEqualTo("s");
        assertThat(PhotoSizeView.best(inline).orElseThrow().jpeg()).hasValueSatisfying(b -> assertThat(b).containsExactly(9));
        List<PhotoSizeView> stripped = PhotoSizeView.of(List.of(new PhotoStrippedSize("i", new byte[] {1, 30, 40, 0}),
                new PhotoPathSize("j", new byte[] {5})));
        PhotoSizeView only = PhotoSizeView.best(stripped).orElseThrow();
        assertThat(only.type()).isEqualTo("i");
        assertThat(only.width()).as("byte 2 is the width").isEqualTo(40);
        assertThat(only.height()).as("byte 1 is the height").isEqualTo(30);
        assertThat(PhotoSizeView.best(PhotoSizeView.of(List.of(new PhotoPathSize("j", new byte[] {5}))))).as("an outline is no image").isEmpty();
        assertThat(PhotoSizeView.best(List.of())).isEmpty();
    }

    @Test
    void inlineBytesAreCopiesAndKeptOutOfToString() {
        byte[] bytes = {7, 7, 7};
        PhotoSizeView cached = PhotoSizeView.of(new PhotoCachedSize("s", 1, 1, bytes)).orElseThrow();
        bytes[0] = 0;
        cached.inline().orElseThrow()[1] = 0;
        assertThat(cached.inline().orElseThrow()).containsExactly(7, 7, 7);
        assertThat(cached).isEqualTo(PhotoSizeView.of(new PhotoCachedSize("s", 1, 1, new byte[] {7, 7, 7})).orElseThrow());
        assertThat(cached.toString()).contains("CACHED").doesNotContain("[B@");
        assertThat(PhotoSizeView.of((List<dev.mtproto.tl.api.PhotoSizeType>) null)).isEmpty();
    }

    @Test
    void aBadStrippedSizeFailsTyped() {
        PhotoSizeView stripped = PhotoSizeView.of(new PhotoStrippedSize("i", new byte[] {2, 10, 10, 0})).orElseThrow();
        assertThatThrownBy(stripped::jpeg).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version 1");
        assertThatThrownBy(() -> StrippedThumbnails.toJpeg(new byte[] {1, 2})).hasMessageContaining("at least 3 bytes");
    }
}
