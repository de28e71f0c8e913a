package dev.querylens.endpoint;

import java.io.IOException;
import java.security.Principal;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An application whose one page runs a statement with a bound value twice (a duplicate),
 * to read back through {@code /actuator/queries}; a request with {@value #USER_HEADER} is
 * made by that user, with the roles in {@value #ROLES_HEADER}, as a container's
 * authentication would make it (there is no Spring Security here). JPA, on this module's
 * test class path, is left out: plain JDBC is enough and starts faster.
 */
@SpringBootApplication(excludeName = { "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
		"org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration" })
public class EndpointTestApplication {

	/** Name of the user a request is made by. */
	public static final String USER_HEADER = "X-Test-User";

	/** Comma-separated roles of that user. */
	public static final String ROLES_HEADER = "X-Test-Roles";

	@Bean
	OncePerRequestFilter testAuthentication() {
		return new OncePerRequestFilter() {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				String user = request.getHeader(USER_HEADER);
				if (user == null) {
					chain.doFilter(request, response);
					return;
				}
				String roles = request.getHeader(ROLES_HEADER);
				List<String> granted = (roles != null) ? Arrays.asList(roles.split(",")) : List.of();
				chain.doFilter(new HttpServletRequestWrapper(request) {

					@Override
					public Principal getUserPrincipal() {
						return () -> user;
					}

					@Override
					public boolean isUserInRole(String role) {
						return granted.contains(role);
					}

				}, response);
			}

		};
	}

	@RestController
	static class OrderController {

		private final JdbcTemplate jdbc;

		OrderController(JdbcTemplate jdbc) {
			this.jdbc = jdbc;
		}

		@GetMapping("/orders/{id}")
		int order(@PathVariable int id) {
			return total(id) + total(id);
		}

		private int total(int id) {
			return this.jdbc.queryForObject("select cast(? as int) * 10", Integer.class, id);
		}

	}

}
