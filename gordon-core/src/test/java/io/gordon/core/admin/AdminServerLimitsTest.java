package io.gordon.core.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class AdminServerLimitsTest {
  @Test
  void theAdminServerLimitsTheJdkServerWhereTheOperatorSetNoLimit() {
    Properties properties = new Properties();

    AdminServer.limitJdkHttpServers(properties);

    assertThat(properties)
        .containsEntry("jdk.httpserver.maxConnections", "256")
        .containsEntry("sun.net.httpserver.maxReqTime", "10");
  }

  @Test
  void anOperatorsLimitsWin() {
    Properties properties = new Properties();
    properties.setProperty("jdk.httpserver.maxConnections", "1000");
    properties.setProperty("sun.net.httpserver.maxReqTime", "30");

    AdminServer.limitJdkHttpServers(properties);

    assertThat(properties)
        .containsEntry("jdk.httpserver.maxConnections", "1000")
        .containsEntry("sun.net.httpserver.maxReqTime", "30");
  }

  @Test
  void loadingTheAdminServerClassSetsNoJvmWideProperty() throws Exception {
    String before = System.clearProperty("sun.net.httpserver.maxReqTime");
    try {
      Class.forName(AdminServer.class.getName(), true, new LoadingAdminServerAgain());

      assertThat(System.getProperty("sun.net.httpserver.maxReqTime")).isNull();
    } finally {
      if (before != null) {
        System.setProperty("sun.net.httpserver.maxReqTime", before);
      }
    }
  }

  /** Loads and initializes AdminServer anew (its static state) even when it was loaded already. */
  private static final class LoadingAdminServerAgain extends ClassLoader {
    LoadingAdminServerAgain() {
      super(AdminServerLimitsTest.class.getClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.equals(AdminServer.class.getName())) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> loaded = findLoadedClass(name);
        if (loaded != null) {
          return loaded;
        }
        try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
          byte[] bytes = in.readAllBytes();
          return defineClass(name, bytes, 0, bytes.length);
        } catch (IOException e) {
          throw new ClassNotFoundException(name, e);
        }
      }
    }
  }
}
