package dev.querylens.autoconfigure;

import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the {@code queries} actuator endpoint, as
 * {@code EnvironmentEndpointProperties} holds the {@code env} endpoint's.
 */
@ConfigurationProperties("management.endpoint.queries")
public class QueriesEndpointProperties {

	/**
	 * When to show bound parameter values in the queries endpoint. Hidden values appear
	 * as "******".
	 */
	private Show showValues = Show.NEVER;

	/**
	 * Roles used to determine whether a user is authorized to be shown parameter values.
	 * When empty, all authenticated users are authorized.
	 */
	private Set<String> roles = new LinkedHashSet<>();

	public Show getShowValues() {
		return this.showValues;
	}

	public void setShowValues(Show showValues) {
		this.showValues = showValues;
	}

	public Set<String> getRoles() {
		return this.roles;
	}

	public void setRoles(Set<String> roles) {
		this.roles = roles;
	}

}
