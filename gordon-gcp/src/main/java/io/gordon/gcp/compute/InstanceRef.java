package io.gordon.gcp.compute;

import io.gordon.api.PermanentException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A GCE instance named by an audit log's {@code resourceName}: {@code projects/<id or
 * number>/zones/<zone>/instances/<name>}.
 *
 * @param project project id or number
 * @param zone the compute zone, e.g. {@code us-central1-c}
 * @param name the instance name
 */
record InstanceRef(String project, String zone, String name) {
  private static final Pattern RESOURCE =
      Pattern.compile("(?:.*/)?projects/([^/]+)/zones/([^/]+)/instances/([^/]+)");

  /**
   * Parses a resource name.
   *
   * @throws PermanentException naming the value and the expected shape
   */
  static InstanceRef parse(String resourceName) {
    Matcher m = RESOURCE.matcher(resourceName);
    if (!m.matches()) {
      throw new PermanentException(
          "resourceName \""
              + resourceName
              + "\" is not a GCE instance "
              + "(expected projects/<project>/zones/<zone>/instances/<name>)");
    }
    return new InstanceRef(m.group(1), m.group(2), m.group(3));
  }

  @Override
  public String toString() {
    return "projects/" + project + "/zones/" + zone + "/instances/" + name;
  }
}
