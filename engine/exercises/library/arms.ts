/** Built-in arm exercises: elbow flexion (curls) and elbow extension (triceps). */
import type { Exercise } from '../../types';
import { family } from './define';

const curl = family({
  pattern: 'elbow_flexion', force: 'pull', mechanic: 'isolation', group: 'biceps-curl',
  primary: ['biceps'], secondary: ['forearms'],
});
const hammerCurl = family({
  pattern: 'elbow_flexion', force: 'pull', mechanic: 'isolation', group: 'hammer-curl',
  primary: ['biceps'], secondary: ['forearms'],
});
const pushdown = family({
  pattern: 'elbow_extension', force: 'push', mechanic: 'isolation', group: 'triceps-pushdown',
  primary: ['triceps'],
});
const overheadExtension = family({
  pattern: 'elbow_extension', force: 'push', mechanic: 'isolation', group: 'triceps-extension',
  primary: ['triceps'],
});
const dip = family({
  pattern: 'elbow_extension', force: 'push', mechanic: 'compound', group: 'triceps-dip',
  primary: ['triceps'], secondary: ['chest', 'shoulders'],
});

export const ARM_EXERCISES: readonly Exercise[] = [
  curl({
    id: 'barbell-curl', name: 'Barbell Curl', equipment: 'barbell',
    aliases: ['Bicep Curl (Barbell)', 'Barbell Biceps Curl', 'Standing Barbell Curl'],
    how: 'Hold the bar at the thighs with palms forward. Curl it to the shoulders without swinging and lower it fully.',
  }),
  curl({
    id: 'dumbbell-curl', name: 'Dumbbell Curl', equipment: 'dumbbell',
    aliases: ['Bicep Curl (Dumbbell)', 'Dumbbell Biceps Curl', 'Bicep Curl'],
    how: 'Stand with dumbbells at your sides, palms forward. Curl them up, keeping the elbows still, and lower slowly.',
  }),
  curl({
    id: 'ez-bar-curl', name: 'EZ-Bar Curl', equipment: 'ez_bar',
    aliases: ['Bicep Curl (EZ Bar)', 'EZ Curl'],
    how: 'Hold the angled grips of the EZ bar at the thighs. Curl it to the shoulders and lower it fully.',
  }),
  curl({
    id: 'cable-curl', name: 'Cable Curl', equipment: 'cable',
    aliases: ['Bicep Curl (Cable)', 'Cable Biceps Curl'],
    how: 'Face a low pulley with a straight bar. Curl it toward the shoulders with elbows at your sides and lower slowly.',
  }),
  curl({
    id: 'machine-curl', name: 'Machine Biceps Curl', equipment: 'machine',
    aliases: ['Bicep Curl (Machine)'],
    how: 'Set the seat so the elbows line up with the pivot. Curl the handles up and lower them under control.',
  }),
  curl({
    id: 'band-curl', name: 'Band Curl', equipment: 'bands',
    aliases: ['Bicep Curl (Band)'],
    how: 'Stand on the band and hold the ends with palms forward. Curl up to the shoulders and lower slowly.',
  }),
  curl({
    id: 'kettlebell-curl', name: 'Kettlebell Curl', equipment: 'kettlebell',
    aliases: ['Bicep Curl (Kettlebell)'],
    how: 'Hold a kettlebell by the handle or horns at the thighs. Curl it to the chest and lower slowly.',
  }),
  curl({
    id: 'ez-bar-preacher-curl', name: 'EZ-Bar Preacher Curl', equipment: 'ez_bar',
    aliases: ['Preacher Curl (Barbell)', 'Preacher Curl (EZ Bar)', 'Preacher Curl'],
    how: 'Rest the backs of the upper arms on the preacher pad. Curl the bar up and lower until the arms are nearly straight.',
  }),
  curl({
    id: 'dumbbell-preacher-curl', name: 'Dumbbell Preacher Curl', equipment: 'dumbbell',
    aliases: ['Preacher Curl (Dumbbell)'],
    how: 'Rest one upper arm on the preacher pad holding a dumbbell. Curl it up and lower it slowly to a near-straight arm.',
  }),
  curl({
    id: 'machine-preacher-curl', name: 'Machine Preacher Curl', equipment: 'machine',
    aliases: ['Preacher Curl (Machine)'],
    how: 'Sit with the upper arms flat on the pad. Curl the handles toward the shoulders and lower under control.',
  }),
  curl({
    id: 'dumbbell-incline-curl', name: 'Incline Dumbbell Curl', equipment: 'dumbbell', level: 'intermediate',
    aliases: ['Incline Curl (Dumbbell)'],
    how: 'Sit back on a bench inclined to about 45 degrees with arms hanging. Curl the dumbbells without moving the upper arms and lower fully.',
  }),
  curl({
    id: 'dumbbell-concentration-curl', name: 'Concentration Curl', equipment: 'dumbbell',
    aliases: ['Concentration Curl (Dumbbell)'],
    how: 'Sit with the elbow braced against the inner thigh. Curl the dumbbell toward the shoulder and lower slowly.',
  }),
  hammerCurl({
    id: 'dumbbell-hammer-curl', name: 'Dumbbell Hammer Curl', equipment: 'dumbbell',
    aliases: ['Hammer Curl (Dumbbell)', 'Hammer Curl'],
    how: 'Hold dumbbells with palms facing each other. Curl them up keeping that grip and lower slowly.',
  }),
  hammerCurl({
    id: 'cable-rope-hammer-curl', name: 'Cable Rope Hammer Curl', equipment: 'cable',
    aliases: ['Hammer Curl (Cable)'],
    how: 'Attach a rope to a low pulley and hold it with palms facing. Curl toward the shoulders and lower under control.',
  }),
  hammerCurl({
    id: 'barbell-reverse-curl', name: 'Reverse Barbell Curl', equipment: 'barbell',
    aliases: ['Reverse Curl (Barbell)'], primary: ['forearms'], secondary: ['biceps'],
    how: 'Hold the bar with palms facing down. Curl it to the shoulders and lower slowly.',
  }),
  pushdown({
    id: 'cable-straight-bar-pushdown', name: 'Straight-Bar Triceps Pushdown', equipment: 'cable',
    aliases: ['Triceps Pushdown (Cable - Straight Bar)', 'Triceps Pushdown', 'Cable Pushdown'],
    how: 'Hold a straight bar on a high pulley with elbows at your sides. Push it down until the arms are straight and let it rise to chest height.',
  }),
  pushdown({
    id: 'cable-rope-pushdown', name: 'Rope Triceps Pushdown', equipment: 'cable',
    aliases: ['Triceps Rope Pushdown', 'Triceps Pushdown (Cable - Rope)'],
    how: 'Hold a rope on a high pulley with elbows pinned to the sides. Push down and spread the rope ends at the bottom, then return.',
  }),
  pushdown({
    id: 'band-triceps-pushdown', name: 'Band Triceps Pushdown', equipment: 'bands',
    aliases: ['Triceps Pushdown (Band)'],
    how: 'Anchor a band overhead. Keep the elbows at your sides and press the hands down until the arms are straight.',
  }),
  overheadExtension({
    id: 'dumbbell-overhead-triceps-extension', name: 'Dumbbell Overhead Triceps Extension', equipment: 'dumbbell',
    aliases: ['Triceps Extension (Dumbbell)', 'Overhead Triceps Extension (Dumbbell)'],
    how: 'Hold one dumbbell overhead with both hands. Lower it behind the head by bending the elbows and press it back up.',
  }),
  overheadExtension({
    id: 'cable-overhead-triceps-extension', name: 'Cable Overhead Triceps Extension', equipment: 'cable',
    aliases: ['Triceps Extension (Cable)', 'Overhead Cable Triceps Extension'],
    how: 'Face away from the pulley holding a rope behind the head. Straighten the arms overhead and return slowly.',
  }),
  overheadExtension({
    id: 'machine-triceps-extension', name: 'Machine Triceps Extension', equipment: 'machine',
    aliases: ['Triceps Extension (Machine)', 'Triceps Extension'],
    how: 'Sit with the elbows on the pad in line with the pivot. Extend the arms fully and return under control.',
  }),
  overheadExtension({
    id: 'barbell-skullcrusher', name: 'Barbell Skullcrusher', equipment: 'barbell', group: 'skullcrusher',
    aliases: ['Skullcrusher (Barbell)', 'Lying Triceps Extension (Barbell)', 'Triceps Extension (Barbell)'],
    how: 'Lie on a bench holding the bar over the shoulders. Bend the elbows to lower it toward the forehead and extend back up.',
  }),
  overheadExtension({
    id: 'ez-bar-skullcrusher', name: 'EZ-Bar Skullcrusher', equipment: 'ez_bar', group: 'skullcrusher',
    aliases: ['Skullcrusher (EZ Bar)', 'Skull Crusher', 'Lying Triceps Extension (EZ Bar)'],
    how: 'Lie on a bench with the EZ bar over the shoulders. Lower it toward the top of the head and extend the elbows.',
  }),
  overheadExtension({
    id: 'dumbbell-skullcrusher', name: 'Dumbbell Skullcrusher', equipment: 'dumbbell', group: 'skullcrusher',
    aliases: ['Skullcrusher (Dumbbell)', 'Lying Triceps Extension (Dumbbell)'],
    how: 'Lie on a bench with dumbbells over the shoulders and palms facing. Bend the elbows to lower them beside the head and extend.',
  }),
  overheadExtension({
    id: 'dumbbell-triceps-kickback', name: 'Dumbbell Triceps Kickback', equipment: 'dumbbell', group: 'triceps-kickback',
    aliases: ['Triceps Kickback (Dumbbell)', 'Kickback (Dumbbell)'],
    how: 'Hinge forward with the upper arm parallel to the floor. Straighten the elbow to push the dumbbell back and return slowly.',
  }),
  overheadExtension({
    id: 'cable-triceps-kickback', name: 'Cable Triceps Kickback', equipment: 'cable', group: 'triceps-kickback',
    aliases: ['Triceps Kickback (Cable)'],
    how: 'Hinge forward holding a low cable with the upper arm by your side. Extend the elbow fully and return slowly.',
  }),
  dip({
    id: 'triceps-dip', name: 'Triceps Dip', equipment: 'other', level: 'intermediate',
    aliases: ['Triceps Dip (Bodyweight)', 'Parallel Bar Triceps Dip'],
    how: 'Support yourself on parallel bars with the torso upright. Lower until the elbows reach about 90 degrees and press back up.',
  }),
  dip({
    id: 'machine-assisted-dip', name: 'Assisted Dip', equipment: 'machine',
    aliases: ['Triceps Dip (Assisted)', 'Assisted Dip (Machine)'],
    how: 'Kneel on the assistance pad and hold the dip handles. Lower until the elbows reach about 90 degrees and press up.',
  }),
  dip({
    id: 'bench-dip', name: 'Bench Dip', equipment: 'body_only',
    aliases: ['Bench Dip (Bodyweight)', 'Chair Dip'],
    how: 'Place the hands on the edge of a bench or chair behind you with legs out front. Bend the elbows to lower the hips and press back up.',
  }),
  dip({
    id: 'machine-seated-dip', name: 'Seated Dip Machine', equipment: 'machine',
    aliases: ['Seated Dip (Machine)', 'Triceps Press (Machine)'],
    how: 'Sit with the handles at your sides. Press them down until the arms are straight and return slowly.',
  }),
];
