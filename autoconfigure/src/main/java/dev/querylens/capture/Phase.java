package dev.querylens.capture;

/**
 * When, within an HTTP request, a query ran.
 */
public enum Phase {

	/** While the handler (the controller and what it calls) ran. */
	HANDLER,

	/** After the handler returned, while the view rendered. */
	VIEW

}
