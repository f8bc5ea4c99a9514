/** A variant written outside gan4j against its public API only (tests of the extension path). */
package org.example.tinygan;
