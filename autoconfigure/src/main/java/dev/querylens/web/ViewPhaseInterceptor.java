package dev.querylens.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

import dev.querylens.capture.Recording;

/**
 * Marks the moment the handler returns and the view starts rendering, so that the queries
 * that follow (lazy loads in a template, formatters) are shown as the view's.
 */
public final class ViewPhaseInterceptor implements HandlerInterceptor {

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView modelAndView) {
		Object recording = request.getAttribute(RecordingFilter.RECORDING_ATTRIBUTE);
		if (recording instanceof Recording.Started current) {
			String viewName = (modelAndView != null && modelAndView.isReference()) ? modelAndView.getViewName() : null;
			current.enterView(viewName);
		}
	}

}
