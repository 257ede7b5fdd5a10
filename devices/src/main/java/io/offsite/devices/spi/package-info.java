/**
 * Plug-ins of the devices module: {@link io.offsite.devices.spi.Jt808Terminals}, the terminal register a JT/T 808
 * session checks registrations and authentications against.
 */
package io.offsite.devices.spi;
