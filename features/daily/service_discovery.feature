@service-discovery
Feature: The service registers with consul for the discovery of services
  Guideline checklist: "The service registers with consul for the discovery of services",
  and "Add an entry to the acceptance test: daily/service_discovery.feature": here every
  service a manifest describes is checked by its name from the manifest, without rows of its
  own, so no service can lose this check by not being listed.
  Checked through consul's own HTTP API (the host's port 8500, published on 127.0.0.1)
  with the host's ACL master token, which is never printed.

  Scenario: The service registers with consul for the discovery of services
    Given the service is installed on a Wazo host
    And the service is running
    Then consul returns a running instance of the service
    And the consul registration of the service has the manifest's address and port, and its name as a tag

  # Stops, starts and restarts the service, and leaves the host whole: it runs on the shared
  # host once every scenario that only reads it has finished, alone (no host to boot and install).
  Scenario: The service leaves consul when it stops, and registers again, once, when it starts or restarts
    Given the service is installed on the shared Wazo host, after the scenarios that only read it
    And monit is stopped, so that it does not undo the scenario's stops
    And the service is running
    And consul returns a running instance of the service
    When the service is stopped with systemctl
    Then consul has no instance of the service left
    When the service is started with systemctl
    Then consul returns a running instance of the service within the registration time of a start
    When the service is restarted with systemctl
    Then consul has exactly one instance of the service, passing
