@dependencies
Feature: The service's dependencies come from Debian stable
  Guideline checklist: "The versions of the service dependencies are available as Debian
  packages in Debian stable or Wazo Platform" and "requirements.txt pins package versions equal
  to Debian packages". Debian stable is the host's own Debian release, read from the apt lists
  kept in the host image, without the packages installed there and without the harness's own
  extra source (bullseye, for consul); Wazo Platform's repositories are those the manifest names
  (package.repositories).

  Background:
    Given the service package has been installed on a fresh Wazo host

  Scenario: requirements.txt pins package versions equal to Debian packages
    Then every requirement of the service is pinned to the version Debian stable carries

  Scenario: The versions of the service dependencies are available as Debian packages in Debian stable or Wazo Platform
    Then every dependency of the package can be installed from Debian stable and the manifest's repositories alone
