package dev.querylens.web.dashboard;

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
	 * @param navigation the links every page has, {@code nav} in the template
	 * @param view what this page shows, {@code page} in the template
	 * @return the HTML
	 */
	String render(String template, Navigation navigation, Record view) {
		Context context = new Context();
		context.setVariable("nav", navigation);
		context.setVariable("page", view);
		return this.engine.process(template, context);
	}

}
