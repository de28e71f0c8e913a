package dev.querylens.web;

import java.util.concurrent.Callable;

import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.async.CallableProcessingInterceptor;

import dev.querylens.capture.CurrentRecording;
import dev.querylens.capture.Recording;

/**
 * Binds the request's recording to the thread that runs a controller's {@link Callable},
 * so its queries count for the request that started it.
 */
public final class AsyncRecordingInterceptor implements CallableProcessingInterceptor {

	private static final String SCOPE_ATTRIBUTE = AsyncRecordingInterceptor.class.getName() + ".scope";

	@Override
	public <T> void preProcess(NativeWebRequest request, Callable<T> task) {
		Object recording = request.getAttribute(RecordingFilter.RECORDING_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
		if (recording instanceof Recording.Started current) {
			request.setAttribute(SCOPE_ATTRIBUTE, CurrentRecording.bind(current), RequestAttributes.SCOPE_REQUEST);
		}
	}

	@Override
	public <T> void postProcess(NativeWebRequest request, Callable<T> task, Object concurrentResult) {
		Object scope = request.getAttribute(SCOPE_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
		if (scope instanceof CurrentRecording.Scope bound) {
			request.removeAttribute(SCOPE_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
			bound.close();
		}
	}

}
