/**
 * The periods the DBaaS API reports metrics over (`GET /dbaas-service-metrics/{name}`), in their
 * own module so a URL's search schema can name them without loading the DBaaS wire schemas.
 */
export const METRIC_PERIODS = ['hour', 'day', 'week', 'month', 'year'] as const
