/**
 * File-system helpers that plugins and the core share, JDK only: {@link
 * io.gordon.api.io.DirectoryLock} makes sure one gordon process at a time writes a directory or
 * file (a spool, a zone file, the dead-letter file).
 *
 * @since 0.1
 */
package io.gordon.api.io;
