package io.gordon.core.runtime;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.Consumer;

/**
 * POSIX signal handlers through {@code sun.misc.Signal} (module jdk.unsupported), reached by
 * reflection: a direct reference draws javac's proprietary-API warning, which no option suppresses,
 * and main code compiles with {@code -Werror}.
 */
final class Signals {
  private Signals() {}

  /**
   * Calls {@code onSignal} with the signal's name ({@code "TERM"}) each time it arrives.
   *
   * @throws IllegalStateException when the JDK has no {@code sun.misc.Signal} or refuses the signal
   */
  static void handle(String name, Consumer<String> onSignal) {
    try {
      Class<?> signal = Class.forName("sun.misc.Signal");
      Class<?> handler = Class.forName("sun.misc.SignalHandler");
      InvocationHandler call = (proxy, method, args) -> dispatch(proxy, method, args, onSignal);
      Object h = Proxy.newProxyInstance(handler.getClassLoader(), new Class<?>[] {handler}, call);
      Object sig = signal.getConstructor(String.class).newInstance(name);
      signal.getMethod("handle", signal, handler).invoke(null, sig, h);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot install a handler for SIG" + name + ": " + e, e);
    }
  }

  private static Object dispatch(Object proxy, Method m, Object[] args, Consumer<String> on)
      throws ReflectiveOperationException {
    return switch (m.getName()) {
      case "handle" -> {
        on.accept((String) args[0].getClass().getMethod("getName").invoke(args[0]));
        yield null;
      }
      case "equals" -> proxy == args[0];
      case "hashCode" -> System.identityHashCode(proxy);
      default -> "SignalHandler[" + on + "]";
    };
  }
}
