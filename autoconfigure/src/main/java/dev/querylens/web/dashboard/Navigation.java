package dev.querylens.web.dashboard;

/**
 * The links every dashboard page has, under the dashboard's path within the application.
 *
 * @param base the dashboard's path, with the context path, e.g. {@code /querylens}
 * @param requestsHref the requests page
 * @param endpointsHref the endpoints page
 * @param staticHref the folder of the scripts and styles, ending in {@code /}
 */
public record Navigation(String base, String requestsHref, String endpointsHref, String staticHref) {

	static Navigation of(String base) {
		return new Navigation(base, base, base + "/endpoints", base + "/static/");
	}

}
