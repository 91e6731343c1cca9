import * as z from 'zod/mini'

/*
 * zod/mini carries no messages of its own ("Invalid input" for every issue); classic zod sets
 * English ones the first time it builds a schema. The shared schemas are zod/mini, so a module
 * that shows zod's messages to people (an invalid response, a bad row of a list) imports this one
 * first: the same English words as before, whether or not classic zod is loaded yet.
 */
z.config(z.locales.en())
