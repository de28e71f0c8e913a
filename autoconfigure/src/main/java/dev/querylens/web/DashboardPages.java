package dev.querylens.web;

import java.util.Map;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders the dashboard's pages with QueryLens's own Thymeleaf engine, from
 * {@code querylens/templates/} on the class path, so the application's view resolvers and
 * templates are never involved.
 */
final class DashboardPages {

	private final TemplateEngine engine;

	DashboardPages(ClassLoader classLoader) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(classLoader);
		resolver.setPrefix("querylens/templates/");
		resolver.setSuffix(".html");
		resolver.setTemplateMode(TemplateMode.HTML);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCacheable(true);
		this.engine = new TemplateEngine();
		this.engine.setTemplateResolver(resolver);
	}

	/**
	 * Renders a page.
	 * @param template the template's name, e.g. {@code requests}
	 * @param variables what the template reads
	 * @return the HTML
	 */
	String render(String template, Map<String, Object> variables) {
		Context context = new Context();
		context.setVariables(variables);
		return this.engine.process(template, context);
	}

}
