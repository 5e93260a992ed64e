package io.gordon.gcp.compute;

import com.google.api.services.compute.model.AccessConfig;
import com.google.api.services.compute.model.Instance;
import com.google.api.services.compute.model.NetworkInterface;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads the address gordon publishes for an instance: nic0's NAT IP, or its internal IP. */
final class InstanceAddress {
  /** States in which an instance may still be getting its addresses. */
  static final Set<String> STARTING = Set.of("PROVISIONING", "STAGING", "REPAIRING");

  private InstanceAddress() {}

  /** The external NAT IP of the first interface, or its internal IP; empty when none yet. */
  static Optional<String> of(Instance instance, boolean internal) {
    List<NetworkInterface> nics = instance.getNetworkInterfaces();
    if (nics == null || nics.isEmpty()) {
      return Optional.empty();
    }
    NetworkInterface nic = nics.get(0);
    if (internal) {
      return Optional.ofNullable(nic.getNetworkIP());
    }
    if (nic.getAccessConfigs() == null) {
      return Optional.empty();
    }
    return nic.getAccessConfigs().stream()
        .map(AccessConfig::getNatIP)
        .filter(ip -> ip != null && !ip.isBlank())
        .findFirst();
  }

  /** Whether the instance may still get its address (it is starting, or its state is unknown). */
  static boolean mayStillGetOne(Instance instance) {
    return instance.getStatus() == null
        || STARTING.contains(instance.getStatus())
        || instance.getNetworkInterfaces() == null;
  }
}
