/** Built-in trunk, carry, conditioning and mobility exercises. */
import type { Exercise } from '../../types';
import { family } from './define';

const stability = family({
  pattern: 'core_stability', force: 'static', mechanic: 'isolation', group: 'plank',
  primary: ['abdominals'], secondary: ['lower_back'],
});
const flexion = family({
  pattern: 'core_flexion', force: 'pull', mechanic: 'isolation', group: 'crunch', primary: ['abdominals'],
});
const legRaise = family({
  pattern: 'core_flexion', force: 'pull', mechanic: 'isolation', group: 'leg-raise',
  primary: ['abdominals'], secondary: ['forearms'],
});
const rotation = family({
  pattern: 'core_rotation', force: 'pull', mechanic: 'isolation', group: 'trunk-rotation',
  primary: ['abdominals'], secondary: ['shoulders'],
});
const carry = family({
  pattern: 'carry', force: 'static', mechanic: 'compound', group: 'loaded-carry',
  primary: ['forearms', 'traps'], secondary: ['abdominals', 'shoulders', 'glutes'],
});
const conditioning = family({
  pattern: 'conditioning', force: 'push', mechanic: 'compound', group: 'conditioning', category: 'cardio',
  primary: ['quadriceps'], secondary: ['calves', 'glutes', 'hamstrings'],
});
const mobility = family({
  pattern: 'mobility', force: 'static', mechanic: 'compound', group: 'mobility', category: 'stretching',
  primary: ['hamstrings'],
});

export const CORE_EXERCISES: readonly Exercise[] = [
  stability({
    id: 'plank', name: 'Plank', equipment: 'body_only',
    aliases: ['Front Plank', 'Forearm Plank'],
    how: 'Rest on the forearms and toes with the body in one straight line. Brace the trunk and hold without letting the hips sag.',
  }),
  stability({
    id: 'side-plank', name: 'Side Plank', equipment: 'body_only', group: 'side-plank',
    aliases: ['Side Bridge'],
    how: 'Lie on one side and prop yourself on the forearm. Lift the hips so the body is straight and hold.',
  }),
  stability({
    id: 'dead-bug', name: 'Dead Bug', equipment: 'body_only', group: 'dead-bug',
    aliases: ['Dead Bug (Bodyweight)'],
    how: 'Lie on your back with arms up and knees over hips. Lower the opposite arm and leg toward the floor while keeping the lower back down, then switch.',
  }),
  stability({
    id: 'bird-dog', name: 'Bird Dog', equipment: 'body_only', group: 'dead-bug',
    aliases: ['Quadruped Opposite Arm and Leg Raise'], secondary: ['lower_back', 'glutes'],
    how: 'Start on hands and knees. Reach one arm forward and the opposite leg back until level, hold briefly, and switch.',
  }),
  stability({
    id: 'hollow-body-hold', name: 'Hollow Body Hold', equipment: 'body_only', level: 'intermediate',
    aliases: ['Hollow Hold'],
    how: 'Lie on your back, press the lower back into the floor and lift the arms, shoulders and legs. Hold the shallow banana shape.',
  }),
  stability({
    id: 'ab-wheel-rollout', name: 'Ab Wheel Rollout', equipment: 'other', level: 'intermediate', force: 'pull',
    aliases: ['Ab Wheel', 'Ab Roller'], group: 'rollout',
    how: 'Kneel holding the wheel under the shoulders. Roll forward as far as you can keep a flat back and pull back to the start.',
  }),
  stability({
    id: 'cable-pallof-press', name: 'Pallof Press', equipment: 'cable', force: 'push', group: 'anti-rotation',
    aliases: ['Pallof Press (Cable)'], secondary: ['shoulders'],
    how: 'Stand side-on to a cable at chest height holding the handle at the chest. Press it straight out, resist the twist, and bring it back.',
  }),
  stability({
    id: 'band-pallof-press', name: 'Band Pallof Press', equipment: 'bands', force: 'push', group: 'anti-rotation',
    aliases: ['Pallof Press (Band)'], secondary: ['shoulders'],
    how: 'Anchor a band at chest height and stand side-on. Press the hands straight out without letting the trunk turn, then return.',
  }),
  flexion({
    id: 'crunch', name: 'Crunch', equipment: 'body_only',
    aliases: ['Crunch (Bodyweight)', 'Abdominal Crunch'],
    how: 'Lie on your back with knees bent. Curl the shoulders off the floor toward the hips and lower slowly.',
  }),
  flexion({
    id: 'cable-crunch', name: 'Cable Crunch', equipment: 'cable',
    aliases: ['Crunch (Cable)', 'Kneeling Cable Crunch'],
    how: 'Kneel facing a high pulley holding a rope beside the head. Curl the trunk down toward the knees and return slowly.',
  }),
  flexion({
    id: 'machine-crunch', name: 'Machine Crunch', equipment: 'machine',
    aliases: ['Crunch (Machine)', 'Ab Crunch Machine'],
    how: 'Sit with the pads on the chest or hands on the grips. Curl the trunk forward against the load and return slowly.',
  }),
  flexion({
    id: 'sit-up', name: 'Sit-Up', equipment: 'body_only',
    aliases: ['Sit Up', 'Situp'],
    how: 'Lie on your back with knees bent and feet anchored. Sit all the way up and lower back down with control.',
  }),
  flexion({
    id: 'decline-crunch', name: 'Decline Crunch', equipment: 'other', level: 'intermediate',
    aliases: ['Decline Crunch (Bench)', 'Decline Sit Up'],
    how: 'Hook the feet on a decline bench. Curl the shoulders up toward the hips and lower slowly.',
  }),
  flexion({
    id: 'reverse-crunch', name: 'Reverse Crunch', equipment: 'body_only',
    aliases: ['Reverse Crunch (Bodyweight)'],
    how: 'Lie on your back with knees bent over the hips. Curl the hips off the floor toward the chest and lower slowly.',
  }),
  legRaise({
    id: 'hanging-leg-raise', name: 'Hanging Leg Raise', equipment: 'pullup_bar', level: 'intermediate',
    aliases: ['Hanging Leg Raise (Bodyweight)', 'Toes to Bar'],
    how: 'Hang from a bar with straight arms. Raise the legs to hip height or higher without swinging and lower slowly.',
  }),
  legRaise({
    id: 'hanging-knee-raise', name: 'Hanging Knee Raise', equipment: 'pullup_bar',
    aliases: ['Hanging Knee Raise (Bodyweight)', 'Knee Raise'],
    how: 'Hang from a bar and draw the knees up toward the chest, tilting the pelvis. Lower them slowly.',
  }),
  legRaise({
    id: 'lying-leg-raise', name: 'Lying Leg Raise', equipment: 'body_only', secondary: [],
    aliases: ['Leg Raise', 'Lying Leg Raise (Bodyweight)'],
    how: 'Lie on your back with hands under the hips. Raise straight legs to vertical and lower them without letting the back arch.',
  }),
  legRaise({
    id: 'captains-chair-knee-raise', name: "Captain's Chair Knee Raise", equipment: 'machine',
    aliases: ['Knee Raise (Captains Chair)', 'Vertical Knee Raise'],
    how: "Support yourself on the captain's chair with back against the pad. Raise the knees toward the chest and lower slowly.",
  }),
  rotation({
    id: 'russian-twist', name: 'Russian Twist', equipment: 'body_only',
    aliases: ['Russian Twist (Bodyweight)'],
    how: 'Sit with knees bent and lean back slightly. Turn the shoulders from side to side, touching the floor beside each hip.',
  }),
  rotation({
    id: 'cable-woodchop', name: 'Cable Woodchop', equipment: 'cable',
    aliases: ['Wood Chop (Cable)', 'Cable Wood Chop'],
    how: 'Stand side-on to a high pulley holding the handle with both hands. Pull it down and across the body, turning through the trunk, and return.',
  }),
  rotation({
    id: 'bicycle-crunch', name: 'Bicycle Crunch', equipment: 'body_only',
    aliases: ['Bicycle Crunch (Bodyweight)'],
    how: 'Lie on your back with hands behind the head. Bring one elbow toward the opposite knee as the other leg extends, then switch.',
  }),
  rotation({
    id: 'landmine-rotation', name: 'Landmine Rotation', equipment: 'barbell', level: 'intermediate',
    aliases: ['Landmine 180', 'Landmine Twist'],
    how: 'Hold the end of a landmine bar at arm length in front of the chest. Sweep it to one hip and then the other, turning through the trunk.',
  }),
  rotation({
    id: 'medicine-ball-rotational-throw', name: 'Medicine Ball Rotational Throw', equipment: 'medicine_ball',
    aliases: ['Rotational Medicine Ball Throw'], force: 'push', mechanic: 'compound',
    how: 'Stand side-on to a wall holding a medicine ball at the hip. Turn and throw it into the wall, catch, and repeat.',
  }),
  carry({
    id: 'dumbbell-farmers-carry', name: "Farmer's Carry", equipment: 'dumbbell',
    aliases: ["Farmer's Walk", 'Farmers Walk', 'Farmer Carry (Dumbbell)'],
    how: 'Pick up a heavy dumbbell in each hand. Walk with short steps, tall posture and shoulders set for the set distance or time.',
  }),
  carry({
    id: 'kettlebell-farmers-carry', name: 'Kettlebell Farmer Carry', equipment: 'kettlebell',
    aliases: ['Farmer Carry (Kettlebell)'],
    how: 'Hold a heavy kettlebell in each hand. Walk tall with controlled steps for the set distance.',
  }),
  carry({
    id: 'dumbbell-suitcase-carry', name: 'Suitcase Carry', equipment: 'dumbbell', group: 'suitcase-carry',
    aliases: ['Suitcase Carry (Dumbbell)'], primary: ['abdominals', 'forearms'],
    how: 'Hold one heavy dumbbell at one side. Walk without leaning toward the weight, then switch hands.',
  }),
  carry({
    id: 'kettlebell-front-rack-carry', name: 'Kettlebell Front Rack Carry', equipment: 'kettlebell',
    aliases: ['Front Rack Carry (Kettlebell)'], primary: ['abdominals', 'shoulders'],
    how: 'Hold kettlebells in the rack position at the shoulders. Walk tall without leaning back.',
  }),
  carry({
    id: 'trap-bar-carry', name: 'Trap Bar Carry', equipment: 'barbell', level: 'intermediate',
    aliases: ['Farmer Carry (Trap Bar)'],
    how: 'Deadlift the trap bar to standing. Walk with short, steady steps and set it down with a flat back.',
  }),
  conditioning({
    id: 'burpee', name: 'Burpee', equipment: 'body_only', category: 'plyometrics',
    aliases: ['Burpees'], primary: ['quadriceps', 'chest'], secondary: ['shoulders', 'triceps', 'glutes'],
    how: 'Squat down and put the hands on the floor, jump the feet back to a plank and back in. Stand and jump with arms overhead.',
  }),
  conditioning({
    id: 'jumping-jack', name: 'Jumping Jack', equipment: 'body_only',
    aliases: ['Jumping Jacks', 'Star Jump'], secondary: ['calves', 'shoulders'],
    how: 'Jump the feet wide while raising the arms overhead. Jump back together and repeat at a steady rhythm.',
  }),
  conditioning({
    id: 'mountain-climber', name: 'Mountain Climber', equipment: 'body_only',
    aliases: ['Mountain Climbers'], primary: ['abdominals', 'quadriceps'], secondary: ['shoulders', 'glutes'],
    how: 'Start in a high plank. Drive the knees toward the chest one after the other at a fast pace.',
  }),
  conditioning({
    id: 'jump-rope', name: 'Jump Rope', equipment: 'other',
    aliases: ['Skipping', 'Rope Jumping'], primary: ['calves'], secondary: ['quadriceps', 'shoulders'],
    how: 'Turn the rope with the wrists and hop lightly on the balls of the feet. Keep the jumps low and steady.',
  }),
  conditioning({
    id: 'box-jump', name: 'Box Jump', equipment: 'other', category: 'plyometrics', level: 'intermediate',
    aliases: ['Box Jump (Bodyweight)'], primary: ['quadriceps', 'glutes'], secondary: ['hamstrings', 'calves'],
    how: 'Stand facing a sturdy box. Swing the arms and jump onto it, landing softly in a half squat, then step down.',
  }),
  conditioning({
    id: 'rowing-machine', name: 'Rowing Machine', equipment: 'machine', force: 'pull',
    aliases: ['Rowing (Machine)', 'Indoor Rowing', 'Rowing Ergometer'], primary: ['quadriceps', 'middle_back'],
    secondary: ['lats', 'hamstrings', 'biceps'],
    how: 'Drive with the legs, then lean back slightly and pull the handle to the lower ribs. Return in reverse order: arms, body, legs.',
  }),
  conditioning({
    id: 'stationary-bike', name: 'Stationary Bike', equipment: 'machine',
    aliases: ['Cycling (Indoor)', 'Indoor Cycling', 'Exercise Bike'],
    how: 'Set the saddle so the knee stays slightly bent at the bottom of the stroke. Pedal at the prescribed effort.',
  }),
  conditioning({
    id: 'treadmill-run', name: 'Treadmill Run', equipment: 'machine',
    aliases: ['Running (Treadmill)', 'Treadmill'], secondary: ['calves', 'hamstrings', 'glutes'],
    how: 'Start at a walk and build up to the prescribed speed. Run tall with relaxed shoulders.',
  }),
  conditioning({
    id: 'kettlebell-thruster', name: 'Kettlebell Thruster', equipment: 'kettlebell', category: 'strength',
    aliases: ['Thruster (Kettlebell)'], primary: ['quadriceps', 'shoulders'], secondary: ['glutes', 'triceps'],
    how: 'Hold kettlebells in the rack position and squat down. Drive up and press them overhead in one motion.',
  }),
  conditioning({
    id: 'battle-rope-waves', name: 'Battle Rope Waves', equipment: 'other', force: 'pull',
    aliases: ['Battle Ropes'], primary: ['shoulders'], secondary: ['forearms', 'abdominals'],
    how: 'Hold one rope end in each hand in a half squat. Whip the arms up and down fast enough to keep waves running to the anchor.',
  }),
  mobility({
    id: 'cat-cow', name: 'Cat-Cow', equipment: 'body_only',
    aliases: ['Cat Cow', 'Cat Camel'], primary: ['lower_back'], secondary: ['abdominals'],
    how: 'On hands and knees, round the back up toward the ceiling. Then let the belly drop and lift the chest; move slowly between the two.',
  }),
  mobility({
    id: 'worlds-greatest-stretch', name: "World's Greatest Stretch", equipment: 'body_only',
    aliases: ['Worlds Greatest Stretch'], primary: ['hamstrings'], secondary: ['glutes', 'adductors', 'middle_back'],
    how: 'Step into a deep lunge and place the inside hand on the floor. Turn the chest and reach the other arm to the ceiling, then switch sides.',
  }),
  mobility({
    id: 'kneeling-hip-flexor-stretch', name: 'Kneeling Hip Flexor Stretch', equipment: 'body_only', mechanic: 'isolation',
    aliases: ['Hip Flexor Stretch'], primary: ['quadriceps'],
    how: 'Kneel on one knee with the other foot forward. Tuck the pelvis under and shift forward until the front of the back hip stretches; hold.',
  }),
  mobility({
    id: 'doorway-chest-stretch', name: 'Doorway Chest Stretch', equipment: 'body_only', mechanic: 'isolation',
    aliases: ['Doorway Pec Stretch'], primary: ['chest'], secondary: ['shoulders'],
    how: 'Place the forearm on a door frame at shoulder height. Step through until the chest stretches and hold.',
  }),
  mobility({
    id: 'standing-hamstring-stretch', name: 'Standing Hamstring Stretch', equipment: 'body_only', mechanic: 'isolation',
    aliases: ['Hamstring Stretch (Standing)'],
    how: 'Put one heel on a low step with the leg straight. Hinge forward from the hips until the back of the thigh stretches and hold.',
  }),
];
