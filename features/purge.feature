@purge
Feature: The service package is purged cleanly
  No checklist item names it, but Debian policy (and piuparts) requires it: apt-get purge
  stops the service (no process left), it deregisters from consul, nginx no longer routes
  /api/<shortName>/ and still reloads, and no file the package created is left outside the
  paths listed in support/checks/lifecycle-rules.ts (ALLOWED_AFTER_PURGE: dpkg's, apt's and
  the host daemons' own bookkeeping). The filesystem is listed before the install and after
  the purge, like piuparts does; the system user is kept, as Debian practice wants. The
  package must install again afterwards.

  Scenario: The service package is purged cleanly and can be installed again
    Given a Wazo host of its own whose filesystem has been listed
    When the service package is installed on it
    Then the service is running
    When the service package is purged
    Then the purge succeeds
    And no process of the service is left
    And the service is no longer registered in consul
    And nginx no longer routes the service's API and still reloads
    And the purge leaves no file outside the paths Debian allows
    When the service package is installed on it
    Then the service is running
    And the service is registered in consul
