package dev.querylens.actuate;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

import dev.querylens.explain.QueryPlans;
import dev.querylens.report.RecordingDescriptor;
import dev.querylens.report.RecordingSummaryDescriptor;
import dev.querylens.store.RecordingStore;

/**
 * {@code /actuator/queries}: the recent recordings, newest first; one recording in full
 * by id; and clearing them. Its answers are {@link OperationResponseBody}, so the
 * actuator writes them with its own JSON mapper and they keep the documented shape
 * whatever the application's Jackson settings.
 */
@Endpoint(id = "queries")
public final class QueriesEndpoint {

	private final RecordingStore store;

	private final Show showValues;

	private final Set<String> roles;

	private final QueryPlans plans;

	/**
	 * Creates the endpoint.
	 * @param store the recordings
	 * @param showValues when bound parameter values are shown
	 * @param roles roles that count as authorized for {@link Show#WHEN_AUTHORIZED}
	 */
	public QueriesEndpoint(RecordingStore store, Show showValues, Set<String> roles) {
		this(store, showValues, roles, QueryPlans.none());
	}

	/**
	 * Creates the endpoint.
	 * @param store the recordings
	 * @param showValues when bound parameter values are shown
	 * @param roles roles that count as authorized for {@link Show#WHEN_AUTHORIZED}
	 * @param plans the slow queries' plans, added to their findings
	 */
	public QueriesEndpoint(RecordingStore store, Show showValues, Set<String> roles, QueryPlans plans) {
		this.store = store;
		this.showValues = showValues;
		this.roles = Set.copyOf(roles);
		this.plans = plans;
	}

	/**
	 * Lists the recordings, newest first.
	 * @param kind {@code http}, {@code task} or {@code test} to list only recordings of
	 * that kind, or {@code null} for every kind; any other value lists none
	 * @return the summaries
	 */
	@ReadOperation
	public RecordingsDescriptor recordings(@Nullable String kind) {
		List<RecordingSummaryDescriptor> summaries = this.store.findAll()
			.stream()
			.map(RecordingSummaryDescriptor::of)
			.filter((summary) -> kind == null || summary.kind().equalsIgnoreCase(kind.trim()))
			.toList();
		return new RecordingsDescriptor(summaries);
	}

	/**
	 * Shows one recording in full.
	 * @param securityContext who is asking, for the values policy
	 * @param id the recording's id
	 * @return the recording, or {@code null} (a 404) once it has been evicted
	 */
	@ReadOperation
	public RecordingDetailDescriptor recording(SecurityContext securityContext, @Selector String id) {
		boolean showParameters = this.showValues.isShown(securityContext, this.roles);
		return this.store.findById(id)
			.map((recording) -> new RecordingDetailDescriptor(
					RecordingDescriptor.of(recording, showParameters, this.plans)))
			.orElse(null);
	}

	/**
	 * Removes every recording.
	 */
	@DeleteOperation
	public void clear() {
		this.store.clear();
	}

	/**
	 * The list of recordings.
	 *
	 * @param recordings summaries, newest first
	 */
	public record RecordingsDescriptor(List<RecordingSummaryDescriptor> recordings) implements OperationResponseBody {
	}

	/**
	 * One recording in full: the report's descriptor, its fields at the top level of the
	 * answer.
	 *
	 * @param recording the recording
	 */
	public record RecordingDetailDescriptor(
			@JsonUnwrapped RecordingDescriptor recording) implements OperationResponseBody {
	}

}
