/**
 * Records the statements of a {@link javax.sql.DataSource}:
 * {@link dev.querylens.jdbc.RecordingDataSource} wraps connections, statements, result
 * sets and database metadata, and each execution becomes one query of the current
 * {@link dev.querylens.capture.Recording}. Imports only {@code capture}.
 * <p>
 * The {@code Recording*} classes hold only behaviour (record, time, count, wrap). Every
 * other {@code java.sql} method is passed on unchanged by the {@code Delegating*} classes
 * they extend, which the build generates into {@code target/generated-sources/jdbc} from
 * the JDK's interfaces ({@code src/build/java/JdbcDelegationSources.java});
 * {@code RecordingCallableStatement}, with no behaviour of its own, is generated whole.
 * Every execution goes through {@code RecordingStatement.executeAndRecord}, every
 * {@code prepareStatement} and {@code prepareCall} through
 * {@code RecordingConnection.prepare}.
 * <p>
 * Object identity, the same inside a recording and outside one:
 * <ul>
 * <li>Every connection of the data source is a wrapper, and so is every statement it
 * creates, bound at creation to the recording then current or to none (a statement bound
 * to none records nothing and only passes calls on).</li>
 * <li>{@code Statement.getConnection()} and {@code DatabaseMetaData.getConnection()}
 * return the wrapping connection; {@code ResultSet.getStatement()} of a query's or
 * generated keys' result set returns the wrapping statement, and {@code getResultSet()}
 * returns the wrapper of the last query's result set while it is the driver's current
 * one.</li>
 * <li>{@code connection.getMetaData()} is a new wrapper per call; the result sets of
 * metadata queries are the driver's, as are the other objects the driver hands out
 * ({@code Blob}, {@code Array}, {@code ResultSetMetaData}, {@code ParameterMetaData},
 * ...), which lead back to no connection or statement.</li>
 * <li>{@code unwrap(type)} and {@code isWrapperFor(type)} answer for the wrapper when it
 * is an instance of the type, and ask the driver's object otherwise.</li>
 * <li>A connection or statement that is already one of these wrappers (a recording data
 * source over another) is handed on as it is, so that a statement is recorded once.</li>
 * </ul>
 */
@NullMarked
package dev.querylens.jdbc;

import org.jspecify.annotations.NullMarked;
