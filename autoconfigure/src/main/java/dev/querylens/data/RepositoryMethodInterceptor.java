package dev.querylens.data;

import java.lang.reflect.Method;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

import dev.querylens.capture.CurrentRecording;
import dev.querylens.capture.CurrentRepositoryMethod;

/**
 * Notes the repository method running on the thread in {@link CurrentRepositoryMethod},
 * around each call into one Spring Data repository, while a recording is bound: no stack
 * walk needed to name the repository method behind a statement. Its name is made once per
 * method, so a call allocates nothing.
 */
public final class RepositoryMethodInterceptor implements MethodInterceptor {

	private final String repositoryName;

	private final ConcurrentMap<Method, String> names = new ConcurrentHashMap<>();

	/**
	 * Creates the interceptor of one repository.
	 * @param repositoryInterface the repository's interface, whose simple name starts
	 * each method's name
	 */
	public RepositoryMethodInterceptor(Class<?> repositoryInterface) {
		this.repositoryName = repositoryInterface.getSimpleName();
	}

	@Override
	public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
		if (CurrentRecording.get() == null) {
			return invocation.proceed();
		}
		Method method = invocation.getMethod();
		String name = this.names.get(method);
		if (name == null) {
			name = this.names.computeIfAbsent(method, (key) -> this.repositoryName + "." + key.getName());
		}
		String outer = CurrentRepositoryMethod.enter(name);
		try {
			return invocation.proceed();
		}
		finally {
			CurrentRepositoryMethod.exit(outer);
		}
	}

}
