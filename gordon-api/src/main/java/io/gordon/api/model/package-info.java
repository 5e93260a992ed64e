/**
 * The immutable message model: record sets, changes, events and the message that carries an event
 * through the router's phases. Every value validates itself in its constructor and is safe to share
 * between threads.
 */
package io.gordon.api.model;
