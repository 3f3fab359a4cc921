package de.ringportal.core.format;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

/** Byte counts as the report pages have always shown them. */
public class FileSizesTest {

    @Test
    public void bytes_kilobytes_and_megabytes_with_one_german_decimal() {
        assertEquals("0 Byte", FileSizes.of(0));
        assertEquals("512 Byte", FileSizes.of(512));
        assertEquals("1023 Byte", FileSizes.of(1023));
        assertEquals("1,0 KB", FileSizes.of(1024));
        assertEquals("1,5 KB", FileSizes.of(1536));
        assertEquals("1024,0 KB", FileSizes.of(1024 * 1024 - 1));
        assertEquals("1,0 MB", FileSizes.of(1024 * 1024));
        assertEquals("2,0 MB", FileSizes.of(2 * 1024 * 1024));
        assertEquals("2048,0 MB", FileSizes.of(2L * 1024 * 1024 * 1024));
    }
}
