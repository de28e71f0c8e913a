/**
 * Records the statements of a {@link javax.sql.DataSource}: {@link dev.querylens.jdbc.RecordingDataSource}
 * wraps connections, statements and result sets with thin hand-written delegates that add each
 * execution to the current {@link dev.querylens.capture.Recording}. Imports only {@code capture}.
 */
@NullMarked
package dev.querylens.jdbc;

import org.jspecify.annotations.NullMarked;
