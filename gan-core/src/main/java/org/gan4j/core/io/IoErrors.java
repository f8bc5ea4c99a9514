package org.gan4j.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * One-line descriptions of I/O failures that always carry the reason. Java's file exceptions often
 * have only the path as their message ({@code AccessDeniedException: /x}) and stream writes only the
 * reason ({@code IOException: No space left on device}); users need both.
 */
public final class IoErrors {
    private IoErrors() {}

    /** The reason of an I/O failure, e.g. "permission denied", "No space left on device". */
    public static String reason(IOException e) {
        if (e instanceof FileSystemException fse) {
            if (fse.getReason() != null && !fse.getReason().isBlank()) {
                return fse.getReason();
            }
            if (e instanceof AccessDeniedException) {
                return "permission denied";
            }
            if (e instanceof NoSuchFileException) {
                return "no such file or folder";
            }
            if (e instanceof FileAlreadyExistsException) {
                return "already exists";
            }
            if (e instanceof NotDirectoryException) {
                return "not a folder";
            }
            if (e instanceof DirectoryNotEmptyException) {
                return "folder not empty";
            }
            return e.getClass().getSimpleName();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** "FILE: reason" for a file-system failure, else the message with its reason. */
    public static String describe(IOException e) {
        if (e instanceof FileSystemException fse && fse.getFile() != null) {
            String where = fse.getOtherFile() != null ? fse.getFile() + " -> " + fse.getOtherFile() : fse.getFile();
            return where + ": " + reason(e);
        }
        return reason(e);
    }

    /**
     * One line for any failure: its message, followed by the underlying I/O reason (and file) when
     * the message does not already contain it. For example
     * {@code could not write checkpoint runs/a/checkpoints/ckpt-0000040.zip: No space left on device}.
     */
    public static String message(Throwable t) {
        String message = t.getMessage();
        IOException io = rootIoCause(t);
        if (io == null) {
            return message != null ? message : t.getClass().getSimpleName();
        }
        String detail = describe(io);
        if (t == io || message == null || message.equals(io.toString())) {
            return detail;
        }
        String reason = reason(io);
        if (message.contains(reason)) {
            return message;
        }
        boolean namesFile = !(io instanceof FileSystemException fse) || fse.getFile() == null
                || message.contains(fse.getFile());
        return message + ": " + (namesFile ? reason : detail);
    }

    private static IOException rootIoCause(Throwable t) {
        IOException found = null;
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof IOException io) {
                found = io;
            }
        }
        return found;
    }
}
