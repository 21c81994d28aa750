/** Small MongoDB mechanisms the services' stores share, on Spring Data's {@code MongoTemplate}. */
package fr.maillage.platform.data;
