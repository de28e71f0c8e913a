package dev.querylens.web;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import dev.querylens.analysis.FindingType;
import dev.querylens.analysis.IgnoreRules;
import dev.querylens.analysis.QueryLensIgnore;
import dev.querylens.capture.Recording;

/**
 * Tells the request's recording which finding types its handler method (or the handler's
 * class) silences with {@link QueryLensIgnore}, so that they are ignored wherever in the
 * request they come from.
 */
public final class IgnoredFindingsInterceptor implements HandlerInterceptor {

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (handler instanceof HandlerMethod method
				&& request.getAttribute(RecordingFilter.RECORDING_ATTRIBUTE) instanceof Recording.Started recording) {
			Set<FindingType> types = Stream
				.of(method.getMethodAnnotation(QueryLensIgnore.class),
						AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), QueryLensIgnore.class))
				.filter((ignore) -> ignore != null)
				.flatMap(
						(ignore) -> Arrays.stream((ignore.value().length == 0) ? FindingType.values() : ignore.value()))
				.collect(Collectors.toSet());
			if (!types.isEmpty()) {
				recording.attach(IgnoreRules.IGNORED_BY_HANDLER, Set.copyOf(types));
			}
		}
		return true;
	}

}
