/** HTTP conventions shared by every service: RFC 9457 problems, ETags, idempotency keys, request-size limit, pagination. */
package fr.maillage.platform.web;
